using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeguardingLearning.Tests.Shared;

/// <summary>Who the test provider signs in, and how it says they authenticated (amr, RFC 8176).</summary>
public sealed record TestIdentity(string Subject, string Email, string Name, params string[] AuthenticationMethods);

/// <summary>
/// A real OpenID Connect provider on a free loopback port, speaking the protocol over HTTP: a
/// discovery document, its signing key (JWKS), an authorisation endpoint that approves whoever
/// <see cref="NextSignIn"/> names without asking, and a token endpoint that checks the client's
/// secret, the redirect address and the PKCE verifier before issuing an RS256-signed id_token.
/// The app finds it, fetches its keys and exchanges codes with it exactly as with Microsoft Entra ID.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "safeguarding-learning-test";
    public const string ClientSecret = "test-provider-client-secret";

    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TestOpenIdProvider(int port, TestIdentity identity)
    {
        Port = port;
        NextSignIn = identity;
        _key = new RsaSecurityKey(_rsa) { KeyId = Guid.NewGuid().ToString("N") };
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The issuer and the authority the app is configured with.</summary>
    public string Issuer => $"http://127.0.0.1:{Port}";

    /// <summary>The person the authorisation endpoint signs in next (set it before each sign-in).</summary>
    public TestIdentity NextSignIn { get; set; }

    /// <summary>How many id_tokens the provider has issued.</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    public static TestOpenIdProvider Start(TestIdentity identity) => new(FreePort(), identity);

    /// <summary>The configuration that makes the app offer this provider under <paramref name="key"/>.</summary>
    public Dictionary<string, string> Settings(string key, string displayName, string partnership, string? agency = null, bool trustTwoFactor = true)
    {
        var prefix = $"ExternalSignIn:Providers:{key}:";
        var settings = new Dictionary<string, string>
        {
            [prefix + "DisplayName"] = displayName,
            [prefix + "Authority"] = Issuer,
            [prefix + "ClientId"] = ClientId,
            [prefix + "ClientSecret"] = ClientSecret,
            [prefix + "Partnership"] = partnership,
            [prefix + "TrustProviderTwoFactor"] = trustTwoFactor ? "true" : "false",
        };
        if (agency is not null)
        {
            settings[prefix + "Agency"] = agency;
        }

        return settings;
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            try
            {
                await Handle(context);
            }
            catch (Exception exception)
            {
                await Write(context.Response, 500, "text/plain", exception.Message);
            }
        }
    }

    private Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        return request.Url!.AbsolutePath switch
        {
            "/.well-known/openid-configuration" => Json(context.Response, 200, Discovery()),
            "/jwks" => Jwks(context.Response),
            "/authorize" => Authorize(context),
            "/token" => Token(context),
            _ => Write(context.Response, 404, "text/plain", "not found"),
        };
    }

    private Dictionary<string, object> Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = Supported.ResponseTypes,
        ["response_modes_supported"] = Supported.ResponseModes,
        ["subject_types_supported"] = Supported.SubjectTypes,
        ["id_token_signing_alg_values_supported"] = Supported.SigningAlgorithms,
        ["code_challenge_methods_supported"] = Supported.CodeChallengeMethods,
        ["token_endpoint_auth_methods_supported"] = Supported.ClientAuthentication,
        ["scopes_supported"] = Supported.Scopes,
        ["claims_supported"] = Supported.Claims,
    };

    private static class Supported
    {
        public static readonly string[] ResponseTypes = ["code"];
        public static readonly string[] ResponseModes = ["query"];
        public static readonly string[] SubjectTypes = ["public"];
        public static readonly string[] SigningAlgorithms = ["RS256"];
        public static readonly string[] CodeChallengeMethods = ["S256"];
        public static readonly string[] ClientAuthentication = ["client_secret_post", "client_secret_basic"];
        public static readonly string[] Scopes = ["openid", "profile", "email"];
        public static readonly string[] Claims = ["sub", "email", "name", "amr"];
    }

    private Task Jwks(HttpListenerResponse response)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return Json(response, 200, new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private Task Authorize(HttpListenerContext context)
    {
        var query = context.Request.QueryString;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["redirect_uri"] is not { } redirect
            || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
        {
            return Write(context.Response, 400, "text/plain", "invalid_request");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(NextSignIn, redirect, query["nonce"], query["code_challenge"]!);
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        context.Response.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"] ?? string.Empty)}&iss={Uri.EscapeDataString(Issuer)}");
        context.Response.Close();
        return Task.CompletedTask;
    }

    private async Task Token(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
        var (clientId, secret) = (form["client_id"], form["client_secret"]);
        if (context.Request.Headers["Authorization"] is { } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        if (clientId != ClientId || secret != ClientSecret)
        {
            await Json(context.Response, 401, new Dictionary<string, object> { ["error"] = "invalid_client" });
            return;
        }

        // A code is spent by its first use.
        if (form["grant_type"] != "authorization_code" || form["code"] is not { } code || !_codes.TryRemove(code, out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"] ?? string.Empty))) != grant.CodeChallenge)
        {
            await Json(context.Response, 400, new Dictionary<string, object> { ["error"] = "invalid_grant" });
            return;
        }

        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.Identity.Subject,
            ["email"] = grant.Identity.Email,
            ["name"] = grant.Identity.Name,
            ["amr"] = grant.Identity.AuthenticationMethods,
            ["auth_time"] = EpochTime.GetIntDate(now),
        };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref _tokensIssued);
        await Json(context.Response, 200, new Dictionary<string, object>
        {
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    private static Task Json(HttpListenerResponse response, int status, object body) =>
        Write(response, status, "application/json", JsonSerializer.Serialize(body));

    private static async Task Write(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.Headers["Cache-Control"] = "no-store";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _rsa.Dispose();
        _stop.Dispose();
    }

    private sealed record Grant(TestIdentity Identity, string RedirectUri, string? Nonce, string CodeChallenge);
}
