namespace SafeguardingLearning.Web.Operations;

/// <summary>
/// Security headers on every response, errors and static files included. The policy allows no
/// inline script or style: the pages load their scripts as files. The one exception is Hangfire's
/// dashboard (administrators only, under /hangfire): its third-party pages colour job states with
/// inline style attributes, so there, and only there, inline styles are allowed — never scripts.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Read here, before a branch (such as the dashboard's) moves the path into PathBase.
        var dashboard = context.Request.Path.StartsWithSegments("/hangfire");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = dashboard ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Pages for a signed-in person hold case data: never kept by the browser or a proxy.
            if (context.User.Identity?.IsAuthenticated == true && !IsStaticAsset(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/assets") || path.StartsWithSegments("/js") || path.StartsWithSegments("/images");
}
