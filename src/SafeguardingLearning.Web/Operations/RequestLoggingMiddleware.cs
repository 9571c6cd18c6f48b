using System.Diagnostics;

namespace SafeguardingLearning.Web.Operations;

/// <summary>
/// One log line per request: method, path, status and time. The query string is left out because
/// it could carry personal or case details; so are the person and anything they typed.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (context.Request.Path.StartsWithSegments("/assets") || context.Request.Path.StartsWithSegments("/js"))
            {
                LogStaticRequest(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed);
            }
            else
            {
                LogRequest(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string? path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogStaticRequest(ILogger logger, string method, string? path, int statusCode, double elapsedMilliseconds);
}
