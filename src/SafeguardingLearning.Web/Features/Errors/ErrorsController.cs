using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SafeguardingLearning.Web.Operations;

namespace SafeguardingLearning.Web.Features.Errors;

/// <summary>
/// Error pages in the service's design. Re-executed by the exception handler and the status code
/// pages for any method, so no method or antiforgery constraint applies here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>
    /// The error statuses the service itself answers with. Asked for directly (/error/101), any
    /// other number is a page that does not exist: the status line never comes from the address.
    /// </summary>
    internal static readonly IReadOnlySet<int> Meant = new HashSet<int>
    {
        StatusCodes.Status400BadRequest,
        StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound,
        StatusCodes.Status405MethodNotAllowed,
        StatusCodes.Status409Conflict,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests,
        StatusCodes.Status500InternalServerError,
        StatusCodes.Status503ServiceUnavailable,
    };

    [Route("/error")]
    public IActionResult ServerError()
    {
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is { } error && TooLargeForm.Describe(error) is { } tooLarge)
        {
            Response.StatusCode = tooLarge.Status;
            return View("TooLarge", tooLarge);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError", HttpContext.TraceIdentifier);
    }

    [Route("/error/{statusCode:int}")]
    public IActionResult Status(int statusCode)
    {
        // Re-executed for a response the service really gave (the status code pages only do so
        // for 400 to 599), its status stands; otherwise only a status the service means.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!(reExecuted && statusCode is >= 400 and <= 599) && !Meant.Contains(statusCode))
        {
            statusCode = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = statusCode;
        if (HttpContext.Items[TooLargeForm.ItemKey] is TooLargeForm tooLarge)
        {
            return View("TooLarge", tooLarge);
        }

        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status413PayloadTooLarge => View("TooLarge", TooLargeForm.Unknown),
            >= 500 => View("ServerError", HttpContext.TraceIdentifier),
            _ => View("OtherError", statusCode),
        };
    }
}
