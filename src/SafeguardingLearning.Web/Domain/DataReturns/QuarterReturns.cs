using System.Security.Cryptography;
using System.Text;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Domain.DataReturns;

/// <summary>The quarterly cycle's settings, under <c>DataReturns</c>.</summary>
public sealed class DataReturnOptions
{
    /// <summary>A quarter's returns are due this many working days after it ends.</summary>
    public int DeadlineWorkingDaysAfterQuarterEnd { get; set; } = 20;

    /// <summary>An agency's leads are first reminded this many working days before the quarter's deadline.</summary>
    public int RemindWorkingDaysBefore { get; set; } = 5;

    /// <summary>How many ended quarters back returns are still asked for (older ones are the business unit's to lock).</summary>
    public int QuartersOwed { get; set; } = 4;
}

/// <summary>An agency that owns indicators in a partnership, by name.</summary>
public sealed record OwningAgency(Guid AgencyId, string Name);

/// <summary>
/// The quarterly cycle's clock, in one place: which quarters' returns are owed, when each is due, and
/// the deadlines the reminders and home pages read (docs/adr/0007).
/// </summary>
public static class QuarterReturns
{
    /// <summary>The kind of an agency's deadline: its quarter's data return.</summary>
    public const string ReturnDeadlineKind = "DataReturn";

    /// <summary>The kind of the business unit's deadline: every agency's return in.</summary>
    public const string ReturnsInDeadlineKind = "DataReturnsIn";

    /// <summary>
    /// The quarters whose returns are owed on <paramref name="today"/>: those ended since the
    /// partnership took on its dataset (the quarter it did so included), the last
    /// <see cref="DataReturnOptions.QuartersOwed"/> at most, and not locked.
    /// </summary>
    public static IReadOnlyList<FinancialQuarter> Owed(DateOnly datasetSince, IReadOnlyCollection<int> locked, DateOnly today, int quartersOwed)
    {
        ArgumentNullException.ThrowIfNull(locked);
        var first = FinancialQuarter.Containing(datasetSince);
        var quarters = new List<FinancialQuarter>();
        for (var q = FinancialQuarter.LastEnded(today); q >= first && quarters.Count < quartersOwed; q = q.Previous)
        {
            if (!locked.Contains(q.Key))
            {
                quarters.Add(q);
            }
        }

        quarters.Reverse();
        return quarters;
    }

    /// <summary>The id of one agency's return for one quarter in one partnership, stable whether or not the return has been started: reminders are keyed by it.</summary>
    public static Guid SubjectOf(Guid partnershipId, Guid agencyId, FinancialQuarter quarter) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"data-return:{partnershipId:N}:{agencyId:N}:{quarter.Key}")).AsSpan(0, 16));

    /// <summary>The quarter of one partnership, as a case the deadlines belong to.</summary>
    public static Guid CaseOf(Guid partnershipId, FinancialQuarter quarter) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"data-quarter:{partnershipId:N}:{quarter.Key}")).AsSpan(0, 16));

    /// <summary>
    /// The quarter's open deadlines: each owning agency that has not submitted its return has one,
    /// owned by its leads, due the configured number of working days after the quarter ends and
    /// first reminded the configured number of working days before; a submitted return owes nothing,
    /// so its reminders stop and are put away. While any is owed, the business unit has one too,
    /// every return in, saying how many are outstanding and which are late.
    /// </summary>
    public static IReadOnlyList<Deadline> OpenDeadlines(Guid partnershipId, FinancialQuarter quarter, IReadOnlyCollection<OwningAgency> owners, IReadOnlySet<Guid> submitted, WorkingDayCalendar calendar, DateOnly today, DataReturnOptions options)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(options);
        if (quarter.Ends >= today)
        {
            return [];
        }

        var due = quarter.DeadlineOn(calendar, options.DeadlineWorkingDaysAfterQuarterEnd);
        var owed = owners.Where(o => !submitted.Contains(o.AgencyId)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var name = $"Data return {quarter.Name}";
        var link = $"/data/returns/{quarter.Slug}";
        var deadlines = owed.Select(o => new Deadline(partnershipId, CaseOf(partnershipId, quarter), name, ReturnDeadlineKind, SubjectOf(partnershipId, o.AgencyId, quarter), "Quarterly data return", due, DeadlineOwner.Agency(o.AgencyId), link)
        {
            Detail = o.Name,
            RemindWorkingDaysBefore = options.RemindWorkingDaysBefore,
        }).ToList();
        if (owed.Count > 0)
        {
            var detail = $"{owed.Count} of {owners.Count} outstanding";
            if (due < today)
            {
                detail += $"; late: {string.Join(", ", owed.Take(5).Select(o => o.Name))}{(owed.Count > 5 ? $" and {owed.Count - 5} more" : string.Empty)}";
            }

            deadlines.Add(new Deadline(partnershipId, CaseOf(partnershipId, quarter), name, ReturnsInDeadlineKind, CaseOf(partnershipId, quarter), "Quarterly data returns in", due, new DeadlineOwner(Role.BusinessUnit), $"/data/quarters/{quarter.Slug}")
            {
                Detail = detail,
            });
        }

        return deadlines;
    }
}
