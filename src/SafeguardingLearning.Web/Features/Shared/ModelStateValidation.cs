using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SafeguardingLearning.Web.Features.Shared;

public static class ModelStateValidation
{
    /// <summary>Copies a validator's errors into ModelState; true when there were none.</summary>
    public static bool CopyFrom(this ModelStateDictionary modelState, ValidationResult result, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(prefix is null ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }
}
