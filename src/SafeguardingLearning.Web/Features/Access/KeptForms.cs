using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace SafeguardingLearning.Web.Features.Access;

/// <summary>
/// A form sent after its person's session ended is not lost. The fields they typed (never the
/// antiforgery token, a password or a file) are kept for an hour in a cookie that only the service
/// can read, bound to that person; they are sent to sign in, and when the same person has signed in
/// again the page the form was on shows it filled in, with a warning that nothing was saved. Nothing
/// is saved on their behalf. Anyone else who signs in on that browser never sees it: the kept form
/// is thrown away.
/// </summary>
internal static class KeptForms
{
    public const string CookieName = "__Host-SafeguardingLearning-KeptForm";

    public const string Notice = "Your session ended, so what you sent was not saved. It is filled in below: check it and send it again.";

    public const string FilesNotice = " Files you chose were not kept: choose them again.";

    private const string Purpose = "SafeguardingLearning.KeptForm.v1";

    /// <summary>How long a kept form waits for its person to sign in again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Beyond this (a very long form) the kept form would make every request's headers too large, so it is not kept.</summary>
    private const int MaximumCookieLength = 16_000;

    private sealed record KeptForm(string UserId, string Page, Dictionary<string, string[]> Fields, bool HadFiles);

    /// <summary>
    /// For a form sent with a sign-in cookie whose session has ended: keeps the form and returns the
    /// page to send the person back to after signing in; null when there is nothing to keep.
    /// </summary>
    public static async Task<string?> KeepAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType
            || context.Options.CookieManager.GetRequestCookie(http, context.Options.Cookie.Name!) is not { Length: > 0 } cookie
            || UnprotectTicket(context.Options, cookie)?.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var fields = form
            .Where(field => !IsSecret(field.Key))
            .ToDictionary(field => field.Key, field => field.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        var page = PageOf(http);
        var value = Protector(http).Protect(Compress(new KeptForm(userId, page, fields, form.Files.Count > 0)), Lifetime);
        if (value.Length > MaximumCookieLength)
        {
            return page;
        }

        new ChunkingCookieManager().AppendResponseCookie(http, CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return page;
    }

    /// <summary>On the page shown to the person who sent it: the kept fields as if just typed, and the warning.</summary>
    internal static void Restore(ResultExecutingContext context)
    {
        var http = context.HttpContext;
        var manager = new ChunkingCookieManager();
        if (manager.GetRequestCookie(http, CookieName) is not { Length: > 0 } value)
        {
            return;
        }

        var kept = Read(http, value);
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (kept is not null && userId is not null && kept.UserId != userId)
        {
            // Someone else signed in on this browser: the form is not theirs to see.
            manager.DeleteCookie(http, CookieName, new CookieOptions { Secure = true, Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
            return;
        }

        if (kept is null || context.Result is not ViewResult view || kept.Page != PathAndQuery(http))
        {
            if (kept is null)
            {
                manager.DeleteCookie(http, CookieName, new CookieOptions { Secure = true, Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            return;
        }

        foreach (var (key, values) in kept.Fields)
        {
            view.ViewData.ModelState.SetModelValue(key, values, string.Join(",", values));
        }

        view.ViewData.ModelState.AddModelError(string.Empty, Notice + (kept.HadFiles ? FilesNotice : string.Empty));
        manager.DeleteCookie(http, CookieName, new CookieOptions { Secure = true, Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    private static KeptForm? Read(HttpContext http, string value)
    {
        try
        {
            return Decompress(Protector(http).Unprotect(value));
        }
        catch (Exception error) when (error is CryptographicException or JsonException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    private static AuthenticationTicket? UnprotectTicket(CookieAuthenticationOptions options, string cookie)
    {
        try
        {
            // The ticket's own expiry is not checked here on purpose: an idle session's cookie has
            // expired, and it is exactly that person's form that is kept. The ticket is still the
            // service's own, so the person is who it says.
            return options.TicketDataFormat.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static bool IsSecret(string name) =>
        name == "__RequestVerificationToken"
        || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Code", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page the form was on (the service's own, from the Referer), or the address it was sent to.</summary>
    private static string PageOf(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referrer)
        && string.Equals(referrer.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && referrer.PathAndQuery.StartsWith('/') && !referrer.PathAndQuery.StartsWith("//", StringComparison.Ordinal)
            ? referrer.PathAndQuery
            : PathAndQuery(http);

    private static string PathAndQuery(HttpContext http) => http.Request.PathBase + http.Request.Path + http.Request.QueryString;

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private static string Protect(this ITimeLimitedDataProtector protector, byte[] data, TimeSpan lifetime) =>
        WebEncoders.Base64UrlEncode(protector.Protect(data, DateTimeOffset.UtcNow.Add(lifetime)));

    private static byte[] Unprotect(this ITimeLimitedDataProtector protector, string value) =>
        protector.Unprotect(WebEncoders.Base64UrlDecode(value), out _);

    private static byte[] Compress(KeptForm form)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal))
        {
            JsonSerializer.Serialize(brotli, form);
        }

        return buffer.ToArray();
    }

    private static KeptForm? Decompress(byte[] data)
    {
        using var brotli = new BrotliStream(new MemoryStream(data), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<KeptForm>(brotli);
    }
}

/// <summary>Shows a kept form on its page to the person who sent it (see <see cref="KeptForms"/>).</summary>
internal sealed class KeptFormFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            KeptForms.Restore(context);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
