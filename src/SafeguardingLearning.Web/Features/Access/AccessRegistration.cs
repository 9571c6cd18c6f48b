using Microsoft.AspNetCore.Identity;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.Web.Features.Access;

public static class AccessRegistration
{
    public static WebApplicationBuilder AddIdentityAndAccess(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection("Access"));
        EnsureTwoFactorRequiredOutsideDevelopment(builder.Environment, builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;

                // Length, not composition rules (NIST SP 800-63B, OWASP ASVS 2.1); the common-password
                // list and the upper limit are in CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<PartnershipClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // Recovery codes are stored hashed (replaces the store AddEntityFrameworkStores registered).
        // Authenticator keys are stored encrypted with Data Protection (the same store).
        builder.Services.AddScoped<IUserStore<ApplicationUser>, HashedRecoveryCodeUserStore>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.AddSignInThrottling();

        // PBKDF2-HMAC-SHA512 at OWASP's 210,000 iterations (docs/security.md has the measured cost).
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        // Invitation links (password-setting tokens) last three days.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "__Host-SafeguardingLearning";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = UserSession.IdleLimit;
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;

            // The framework would write the sign-in address whole, with the request's Host header in
            // it; a path alone keeps the browser on the host it asked for.
            // A form sent after the session ended is kept, and the person comes back to its page.
            options.Events.OnRedirectToLogin = async context =>
            {
                if (await KeptForms.KeepAsync(context) is { } page)
                {
                    context.Response.Redirect($"{options.LoginPath}?{options.ReturnUrlParameter}={Uri.EscapeDataString(page)}");
                    return;
                }

                context.Response.Redirect(new Uri(context.RedirectUri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : context.RedirectUri);
            };

            // A signed-in person who may not use a page gets the 403 page, not a redirect, and the
            // refusal is audited.
            options.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
                db.RecordEvent(AuditAction.AccessDenied, "Page", context.Request.Path.Value);
                await db.SaveChangesAsync();
            };
        });

        builder.Services.AddAuthorization(AccessPolicies.Configure);
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<AuditTrail.CaseRecordNotFound>()); // a 404 on a case record is recorded as a 403 is
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<KeptFormFilter>());
        return builder;
    }

    /// <summary>
    /// Two-factor sign-in can be switched off for the Development demo only: anywhere else the
    /// setting would expose case data behind a password alone, so the app refuses to start.
    /// </summary>
    internal static void EnsureTwoFactorRequiredOutsideDevelopment(IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsDevelopment() && !configuration.GetValue("Access:RequireTwoFactor", defaultValue: true))
        {
            throw new InvalidOperationException(
                $"Access:RequireTwoFactor is false in the {environment.EnvironmentName} environment. Two-factor sign-in can be switched off " +
                "only in Development, for the demo: remove the setting (or set it to true) and start again.");
        }
    }
}
