using FluentValidation;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Email;
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
        builder.RequireKnownHosts();

        // Validators hold no state: one of each for the app. Controllers call them explicitly
        // (docs/adr/0006-validation-with-fluentvalidation-core.md).
        builder.Services.AddValidatorsFromAssemblyContaining<InvitePerson>(ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.Services.AddScoped<InvitePerson>();
        return builder;
    }

    /// <summary>
    /// Outside Development only requests for the service's own host name are answered (others get
    /// 400): <c>AllowedHosts</c> if set (names separated by semicolons), otherwise the host of
    /// <c>Email:PublicBaseUrl</c>. "*" is refused there, because a forged Host header must not reach
    /// anything that might build an address from it. Links themselves are built from
    /// <c>Email:PublicBaseUrl</c> only.
    /// </summary>
    internal static void RequireKnownHosts(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return;
        }

        var configured = (builder.Configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configured.Contains("*"))
        {
            throw new InvalidOperationException(
                $"AllowedHosts is \"*\" in the {builder.Environment.EnvironmentName} environment, so any Host header would be answered. " +
                "Remove the setting (the host of Email:PublicBaseUrl is then the only one allowed) or list the service's host names, separated by semicolons.");
        }

        string[] hosts = configured.Length > 0 ? configured
            : Uri.TryCreate(builder.Configuration["Email:PublicBaseUrl"], UriKind.Absolute, out var publicBase) ? [publicBase.Host]
            : throw new InvalidOperationException(EmailRegistration.MissingPublicBaseUrl);
        builder.Services.PostConfigure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = hosts;
            options.AllowEmptyHosts = false;
        });
    }
}
