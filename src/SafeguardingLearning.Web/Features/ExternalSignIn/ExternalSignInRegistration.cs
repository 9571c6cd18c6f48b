using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SafeguardingLearning.Web.Features.ExternalSignIn;

public static class ExternalSignInRegistration
{
    /// <summary>
    /// One OpenID Connect scheme per configured provider, beside password sign-in. The handler signs
    /// the provider's answer into Identity's short-lived external cookie only; the account is found
    /// by ExternalSignInController from the linked identity (issuer and subject), never by email.
    /// </summary>
    public static WebApplicationBuilder AddExternalSignIn(this WebApplicationBuilder builder)
    {
        var providers = Read(builder.Configuration);
        builder.Services.AddSingleton(new ExternalSignInProviders(providers));

        var authentication = builder.Services.AddAuthentication();
        foreach (var provider in providers)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = provider.Authority;
                options.ClientId = provider.ClientId;
                options.ClientSecret = provider.ClientSecret;

                // The authorisation code flow with PKCE; the code comes back in the query (a top-level
                // GET), the tokens over the back channel with the client secret.
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("email");
                options.GetClaimsFromUserInfoEndpoint = false;
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.CallbackPath = "/signin-oidc/" + provider.Key;
                options.SignedOutCallbackPath = "/signout-callback-oidc/" + provider.Key;
                options.RemoteSignOutPath = "/signout-oidc/" + provider.Key;

                // Metadata over plain HTTP only from this machine (a provider started by a test).
                options.RequireHttpsMetadata = !IsLoopback(provider.Authority);

                // A cancelled or failed sign-in at the provider lands on a page that says so, not a 500.
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/sign-in/with/refused");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        return builder;
    }

    internal static List<ExternalSignInProvider> Read(IConfiguration configuration)
    {
        var providers = new List<ExternalSignInProvider>();
        foreach (var section in configuration.GetSection(ExternalSignInOptions.Section).GetSection("Providers").GetChildren())
        {
            var provider = section.Get<ExternalSignInProvider>() ?? new ExternalSignInProvider();
            provider.Key = section.Key;
            var missing = new[]
                {
                    (nameof(provider.DisplayName), provider.DisplayName), (nameof(provider.Authority), provider.Authority),
                    (nameof(provider.ClientId), provider.ClientId), (nameof(provider.ClientSecret), provider.ClientSecret ?? string.Empty),
                    (nameof(provider.Partnership), provider.Partnership),
                }
                .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => s.Item1).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"ExternalSignIn:Providers:{section.Key} has no {string.Join(", ", missing)}: set them in configuration (the client secret from an environment variable or secret store).");
            }

            if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && !IsLoopback(provider.Authority)))
            {
                throw new InvalidOperationException($"ExternalSignIn:Providers:{section.Key}:Authority must be an https address.");
            }

            providers.Add(provider);
        }

        return providers;
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
