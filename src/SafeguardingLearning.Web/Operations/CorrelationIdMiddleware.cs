using System.Text.RegularExpressions;
using Serilog.Context;

namespace SafeguardingLearning.Web.Operations;

/// <summary>
/// Gives every request a correlation id: the caller's X-Correlation-ID when it is well formed
/// (a proxy's), otherwise a new one. It is the request's TraceIdentifier, so the reference number
/// on an error page finds the log lines of that request.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        var id = WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        context.TraceIdentifier = id;
        // Set as the response starts: the exception handler clears headers set before it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(context);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex WellFormed();
}
