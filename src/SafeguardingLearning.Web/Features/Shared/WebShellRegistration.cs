using Microsoft.AspNetCore.Mvc;

namespace SafeguardingLearning.Web.Features.Shared;

public static class WebShellRegistration
{
    /// <summary>MVC with feature folders; every unsafe method must carry an antiforgery token.</summary>
    public static WebApplicationBuilder AddWebShell(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander()));
        builder.Services.AddValidatorsFromFeatures();
        return builder;
    }
}
