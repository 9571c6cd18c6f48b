using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.AuditTrail;

/// <summary>
/// Records every "not found" answer on a case record's page, with the kind and id of the record
/// asked for. Another partnership's or agency's records are not found for the person asking (the
/// data layer filters them away), so without this, probing other ids would leave no trace, where a
/// refusal (403) does. One filter for every case page, keyed by the route's first segment.
/// </summary>
public sealed partial class CaseRecordNotFound(IServiceScopeFactory scopes) : IAsyncAlwaysRunResultFilter
{
    // The case pages, by the first segment of their routes, and the kind of record their first id names.
    private static readonly Dictionary<string, string> KindsByRoute = new(StringComparer.OrdinalIgnoreCase)
    {
        ["notifications"] = nameof(SeriousIncidentNotification),
        ["rapid-reviews"] = nameof(RapidReview),
        ["agency-requests"] = nameof(AgencyRequest),
        ["attachments"] = nameof(AgencyAttachment),
        ["reviews"] = nameof(CaseReview),
    };

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IStatusCodeActionResult { StatusCode: StatusCodes.Status404NotFound }
            && context.ActionDescriptor.AttributeRouteInfo?.Template is { } template
            && Attempted(template, context.RouteData.Values) is { } attempted)
        {
            // A scope of its own, so that nothing else the request had tracked is saved with it.
            await using var scope = scopes.CreateAsyncScope();
            var current = scope.ServiceProvider.GetRequiredService<CurrentScope>();
            current.SetRequest(context.HttpContext.Connection.RemoteIpAddress?.ToString());
            if (context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                current.SetPerson(context.HttpContext.User);
            }

            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RecordEvent(AuditAction.NotFound, attempted.Kind, attempted.Id, new { Method = context.HttpContext.Request.Method, Path = context.HttpContext.Request.Path.Value });
            await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        }

        await next();
    }

    /// <summary>The kind and id of the record a case route names, or nothing for any other route.</summary>
    internal static (string Kind, string Id)? Attempted(string template, RouteValueDictionary values)
    {
        var segments = template.TrimStart('/').Split('/');
        if (!KindsByRoute.TryGetValue(segments[0], out var kind))
        {
            return null;
        }

        var parameter = segments.Skip(1).Select(s => RouteParameter().Match(s)).FirstOrDefault(m => m.Success);
        return parameter is not null && values.TryGetValue(parameter.Groups["name"].Value, out var id) && id is not null
            ? (kind, Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!)
            : null;
    }

    [GeneratedRegex(@"^\{(?<name>[A-Za-z]+)(:[^}]*)?\}$")]
    private static partial Regex RouteParameter();
}
