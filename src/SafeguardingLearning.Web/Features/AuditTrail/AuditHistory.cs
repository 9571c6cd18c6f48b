using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.AuditTrail;

/// <summary>One recorded field in words: its label as the form shows it, and the value (or the old and new values) as people read them.</summary>
public sealed record HistoryLine(string Label, string? Value, string? From = null, string? To = null)
{
    public bool IsChange => Value is null;

    public override string ToString() => IsChange ? $"{Label}: {From} → {To}" : $"{Label}: {Value}";
}

public sealed record HistoryRow(long Sequence, DateTime OccurredAt, AuditAction Action, string EntityType, string? EntityId, string? Changes, string? PersonName, string? IpAddress, string? UserId = null)
{
    /// <summary>Set when the values are withheld: the labels of the fields recorded, without what they held.</summary>
    public IReadOnlyList<string>? FieldsOnly { get; init; }

    /// <summary>Who did it: a person's name, or which automatic step.</summary>
    public string Who => AuditText.Who(UserId, PersonName);

    /// <summary>What was done, to which record: "Viewed the review Child P".</summary>
    public string What { get; init; } = string.Empty;

    /// <summary>The name of the record the entry is about (a review's name, a child's pseudonym, an agency's name), when known.</summary>
    public string? RecordName { get; init; }

    /// <summary>The record's page, set only where the reader may open it.</summary>
    public string? RecordLink { get; init; }

    /// <summary>The recorded fields in words.</summary>
    public IReadOnlyList<HistoryLine> Lines { get; init; } = [];

    /// <summary>The row with its recorded values replaced by the labels of the fields that held them.</summary>
    public HistoryRow WithValuesWithheld() => this with
    {
        Changes = null,
        Lines = [],
        FieldsOnly = AuditText.FieldNames(Changes).Select(field => AuditLabels.For(EntityType, field)).Where(label => label.Kind != FieldKind.Hidden).Select(label => label.Label).Distinct().ToList(),
    };
}

/// <summary>
/// Pages of the audit trail, newest first, with who did each thing and what they changed in the
/// words of the forms. However many rows: one query for the rows (with the people who acted), and
/// one for the names of the agencies, themes, case records and people the rows mention, when they
/// mention any.
/// </summary>
public static class AuditHistory
{
    /// <summary>The history of records (ids are unique across kinds, so kinds and ids filter separately).</summary>
    public static Task<List<HistoryRow>> For(AppDbContext db, IReadOnlyList<(string EntityType, string EntityId)> records)
    {
        var types = records.Select(r => r.EntityType).Distinct().ToList();
        var ids = records.Select(r => r.EntityId).Distinct().ToList();
        return Page(db, db.AuditEntries.Where(a => types.Contains(a.EntityType) && ids.Contains(a.EntityId!)), skip: 0, take: 200);
    }

    public static async Task<List<HistoryRow>> Page(AppDbContext db, IQueryable<AuditEntry> entries, int skip, int take, ClaimsPrincipal? reader = null)
    {
        var rows = await (from a in entries.AsNoTracking().OrderByDescending(a => a.Sequence).Skip(skip).Take(take)
                          join u in db.Users on a.UserId equals u.Id into people
                          from u in people.DefaultIfEmpty()
                          orderby a.Sequence descending
                          select new HistoryRow(a.Sequence, a.OccurredAt, a.Action, a.EntityType, a.EntityId, a.Changes, u.DisplayName, a.IpAddress, a.UserId))
            .ToListAsync();
        if (rows.Count == 0)
        {
            return rows;
        }

        var parsed = rows.Select(row => (Row: row, Fields: AuditText.Fields(row.Changes))).ToList();

        // Everything the rows name by id, gathered so that each kind is read once for the whole page.
        var guids = new HashSet<Guid>();
        var personIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, fields) in parsed)
        {
            // A record's own page needs no name for it; the audit trail names what each entry is about.
            if (reader is not null && Guid.TryParse(row.EntityId, out var recordId))
            {
                guids.Add(recordId);
            }
            else if (reader is not null && row.EntityType == nameof(ApplicationUser) && row.EntityId is { } userId)
            {
                personIds.Add(userId);
            }

            foreach (var field in fields)
            {
                var kind = AuditLabels.For(row.EntityType, field.Name).Kind;
                if (kind == FieldKind.Hidden)
                {
                    continue;
                }

                foreach (var value in field.Values)
                {
                    if (kind == FieldKind.Person && value.ValueKind == JsonValueKind.String)
                    {
                        personIds.Add(value.GetString()!);
                    }
                    else
                    {
                        foreach (var id in Ids(value))
                        {
                            guids.Add(id);
                        }
                    }
                }
            }
        }

        var (names, personNames) = guids.Count == 0 && personIds.Count == 0 ? ([], []) : await Names(db, guids.ToList(), personIds.ToList());
        var words = new Wording(names, personNames);

        return parsed.Select(p =>
        {
            var (row, fields) = p;
            var recordName = row.EntityType == nameof(ApplicationUser) && row.EntityId is { } user
                ? personNames.GetValueOrDefault(user)
                : Guid.TryParse(row.EntityId, out var recordId) ? names.GetValueOrDefault(recordId) : null;
            return row with
            {
                RecordName = recordName,
                What = What(row, recordName),
                RecordLink = reader is null ? null : Link(row, reader),
                Lines = fields.Select(f => words.Line(row.EntityType, f)).OfType<HistoryLine>().ToList(),
            };
        }).ToList();
    }

    private static string What(HistoryRow row, string? recordName)
    {
        var action = AuditText.Describe(row.Action);
        var record = $"the {AuditLabels.Noun(row.EntityType)}{(recordName is null ? string.Empty : " " + recordName)}";
        return row.Action switch
        {
            AuditAction.Created or AuditAction.Changed or AuditAction.Deleted or AuditAction.Viewed or AuditAction.Downloaded => $"{action} {record}",
            _ when row.EntityType == nameof(ApplicationUser) => recordName is null ? action.TrimEnd(':') : $"{action} {recordName}",
            _ when row.EntityType == "Page" => $"{action} a page",
            _ => $"{action} {record}",
        };
    }

    /// <summary>The record's page, where the reader's role may open it (administrators are refused case records).</summary>
    private static string? Link(HistoryRow row, ClaimsPrincipal reader)
    {
        if (!Guid.TryParse(row.EntityId, out var id) || reader.GetRole() is not { } role)
        {
            return null;
        }

        var (policy, path) = row.EntityType switch
        {
            nameof(CaseReview) => (AccessPolicies.ViewReview, $"/reviews/{id}"),
            nameof(SeriousIncidentNotification) or nameof(Screening) => (AccessPolicies.ViewCaseReviews, $"/notifications/{id}"),
            nameof(RapidReview) => (AccessPolicies.ViewCaseReviews, $"/rapid-reviews/{id}"),
            nameof(AgencyRequest) => (AccessPolicies.ViewAgencyRequests, $"/agency-requests/{id}"),
            nameof(Theme) => (AccessPolicies.ReadThemeFindings, $"/themes/{id}"),
            nameof(PartnerAgency) => (AccessPolicies.ViewPartnerAgencies, $"/agencies/{id}"),
            _ => (null, null),
        };
        return policy is not null && AccessPolicies.Roles[policy].Contains(role) ? path : null;
    }

    private static IEnumerable<Guid> Ids(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when Guid.TryParse(value.GetString(), out var id) => [id],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Ids),
        _ => [],
    };

    /// <summary>
    /// The names of the agencies, themes, case records and people with these ids, in one query (a
    /// history page stays within its query budget however many ids its rows mention).
    /// </summary>
    private static async Task<(Dictionary<Guid, string> Records, Dictionary<string, string> People)> Names(AppDbContext db, List<Guid> ids, List<string> personIds)
    {
        var found = await db.PartnerAgencies.Where(a => ids.Contains(a.Id)).Select(a => new { Key = a.Id.ToString(), Name = a.Name, IsPerson = false })
            .Concat(db.Themes.Where(t => ids.Contains(t.Id)).Select(t => new { Key = t.Id.ToString(), Name = t.Name, IsPerson = false }))
            .Concat(db.CaseReviews.Where(r => ids.Contains(r.Id)).Select(r => new { Key = r.Id.ToString(), Name = r.Title, IsPerson = false }))
            .Concat(db.Notifications.Where(n => ids.Contains(n.Id)).Select(n => new { Key = n.Id.ToString(), Name = n.ChildPseudonym, IsPerson = false }))
            .Concat(from r in db.RapidReviews
                    join n in db.Notifications on r.NotificationId equals n.Id
                    where ids.Contains(r.Id)
                    select new { Key = r.Id.ToString(), Name = n.ChildPseudonym, IsPerson = false })
            .Concat(from q in db.AgencyRequests
                    join r in db.RapidReviews on q.RapidReviewId equals r.Id
                    join n in db.Notifications on r.NotificationId equals n.Id
                    where ids.Contains(q.Id)
                    select new { Key = q.Id.ToString(), Name = n.ChildPseudonym, IsPerson = false })
            .Concat(from f in db.Findings
                    join r in db.CaseReviews on f.CaseReviewId equals r.Id
                    where ids.Contains(f.Id)
                    select new { Key = f.Id.ToString(), Name = r.Title, IsPerson = false })
            .Concat(db.Users.Where(u => personIds.Contains(u.Id)).Select(u => new { Key = u.Id, Name = u.DisplayName, IsPerson = true }))
            .AsNoTracking()
            .ToListAsync();
        var records = new Dictionary<Guid, string>();
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var named in found)
        {
            if (named.IsPerson)
            {
                people[named.Key] = named.Name;
            }
            else if (Guid.TryParse(named.Key, out var id))
            {
                records.TryAdd(id, named.Name);
            }
        }

        return (records, people);
    }

    private sealed class Wording(Dictionary<Guid, string> names, Dictionary<string, string> people)
    {
        private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

        public HistoryLine? Line(string kind, AuditText.RecordedField field)
        {
            var label = AuditLabels.For(kind, field.Name);
            if (label.Kind == FieldKind.Hidden)
            {
                return null;
            }

            return field.IsChange
                ? new HistoryLine(label.Label, null, Value(label.Kind, field.Values[0]), Value(label.Kind, field.Values[1]))
                : new HistoryLine(label.Label, Value(label.Kind, field.Values[0]));
        }

        private string Value(FieldKind kind, JsonElement value)
        {
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return "(none)";
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var items = value.EnumerateArray().Select(item => Value(kind, item)).ToList();
                return items.Count == 0 ? "(none)" : string.Join(", ", items);
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean() ? "Yes" : "No";
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (text.Length == 0)
            {
                return "(empty)";
            }

            switch (kind)
            {
                case FieldKind.Person:
                    return people.GetValueOrDefault(text) ?? "A person whose account has been removed";
                case FieldKind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    return DisplayDates.Date(date);
                case FieldKind.Date or FieldKind.Moment when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment):
                    return kind == FieldKind.Date ? DisplayDates.Date(DateOnly.FromDateTime(moment)) : DisplayDates.DateTime(moment);
                case FieldKind.Choice:
                    return AuditLabels.Choice(text);
                case FieldKind.Number when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                    return number.ToString("N0", British);
                default:
                    break;
            }

            if (!Guid.TryParse(text, out var id))
            {
                return text;
            }

            return names.TryGetValue(id, out var named) ? named : kind switch
            {
                FieldKind.Agency => "An agency no longer listed",
                FieldKind.Theme => "A theme no longer listed",
                _ => text,
            };
        }
    }
}
