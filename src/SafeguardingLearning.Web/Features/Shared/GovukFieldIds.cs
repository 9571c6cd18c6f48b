namespace SafeguardingLearning.Web.Features.Shared;

internal static class GovukFieldIds
{
    /// <summary>The id MVC gives a field's input ("Address.Postcode" becomes "Address_Postcode").</summary>
    public static string For(string fieldName) =>
        Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(fieldName, "_");
}
