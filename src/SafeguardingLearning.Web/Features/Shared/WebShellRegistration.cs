using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.People;

namespace SafeguardingLearning.Web.Features.Shared;

public static class WebShellRegistration
{
    /// <summary>MVC with feature folders; every unsafe method must carry an antiforgery token.</summary>
    public static WebApplicationBuilder AddWebShell(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<TwoFactorEnrolmentFilter>();
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander()));

        // The antiforgery cookie goes over HTTPS only, as the sign-in cookie does (Development may be plain HTTP).
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = development ? Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest : Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        // Validators hold no state: one of each for the app. Controllers call them explicitly
        // (docs/adr/0006-validation-with-fluentvalidation-core.md).
        builder.Services.AddValidatorsFromAssemblyContaining<InvitePerson>(ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.Services.AddScoped<InvitePerson>();
        return builder;
    }
}
