using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;
using SafeguardingLearning.Web.Scheduling;

namespace SafeguardingLearning.Web.Features.AuditTrail;

public sealed class AuditSearch
{
    public string? Person { get; set; }

    public string? Record { get; set; }

    public AuditAction? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int? Page { get; set; }
}

/// <summary>Administrators search the audit trail and check that its chain is whole.</summary>
[Authorize(Policy = AccessPolicies.SearchAuditTrail)]
public sealed class AuditTrailController(AppDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditSearch search)
    {
        // This partnership's entries, and the sign-in events of its people (which belong to no partnership).
        var partnershipId = User.GetPartnershipId();
        var members = db.Memberships.Select(m => m.UserId);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId || (a.PartnershipId == null && members.Contains(a.UserId!)));
        if (!string.IsNullOrWhiteSpace(search.Record))
        {
            // A kind of record by the name people use for it ("review"), or by its code name.
            var record = search.Record.Trim();
            var kind = AuditLabels.KindNamed(record) ?? record;
            entries = entries.Where(a => a.EntityId == record || a.EntityType == kind);
        }

        if (search.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (search.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (search.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(search.Person))
        {
            var person = search.Person.Trim();
            var ids = db.Users.Where(u => u.Email == person || u.DisplayName.Contains(person)).Select(u => u.Id);
            entries = entries.Where(a => ids.Contains(a.UserId!));
        }

        var total = await entries.CountAsync();
        var page = Paging.Number(search.Page, total, PageSize);
        var found = await AuditHistory.Page(db, entries, (page - 1) * PageSize, PageSize, User);

        // Administrators are refused case records, so the trail must not read them out either: of a
        // case record they see who changed which fields and when. The search matches kinds, ids and
        // people only, never what a record holds, so it cannot be used to test a guess at a value.
        var shown = found.Select(row => CaseRecords.IsCaseRecord(row.EntityType) ? row.WithValuesWithheld() : row).ToList();

        // Reading the trail is itself recorded, with the search that was made.
        db.RecordEvent(AuditAction.Viewed, "AuditTrail", null, new
        {
            search.Person,
            search.Record,
            Action = search.Action?.ToString(),
            From = search.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = search.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Page = page,
        });
        await db.SaveChangesAsync();
        return View(new AuditTrailModel(search, new Page<HistoryRow>(shown, page, PageSize, total)));
    }

    /// <summary>Checks the whole chain against its key and against every anchor published outside the database.</summary>
    [HttpGet("/audit/verify")]
    public IActionResult Verify([FromServices] CheckAuditTrail check) => View(check.Run());
}

public sealed record AuditTrailModel(AuditSearch Search, Page<HistoryRow> Rows);
