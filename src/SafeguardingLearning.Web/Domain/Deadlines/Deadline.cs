using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Domain.Deadlines;

/// <summary>
/// Who must act on a deadline: the people holding a role in the partnership, or the leads of one
/// agency. Typed, so that reminders reach the right people without matching names.
/// </summary>
public sealed record DeadlineOwner(Role Role, Guid? AgencyId = null)
{
    public static DeadlineOwner Agency(Guid agencyId) => new(Role.AgencyLead, agencyId);

    public bool IsAgency => AgencyId is not null;
}

/// <summary>
/// One thing still to do by a date, on one case. Each capability's domain decides what is due; its
/// deadline source (registered by its feature folder) turns that into these, and every reader —
/// the reminder sweep, home pages, the review register, the calendar of deadlines — reads them
/// without knowing which capability they came from.
/// </summary>
/// <param name="CaseId">The case (review, rapid review, audit...) the deadline belongs to.</param>
/// <param name="Case">How the case is named to the people working on it (a child's pseudonym, a review title).</param>
/// <param name="Kind">What kind of deadline it is, stable across releases (reminders are keyed by it).</param>
/// <param name="SubjectId">The record the deadline is about (a milestone, a request, the case itself).</param>
/// <param name="Step">The step due, said so that it means something without the case: "Agency summary of involvement".</param>
/// <param name="Link">The page where the step is taken, relative to the service's address.</param>
public sealed record Deadline(
    Guid PartnershipId,
    Guid CaseId,
    string Case,
    string Kind,
    Guid SubjectId,
    string Step,
    DateOnly DueOn,
    DeadlineOwner Owner,
    string Link)
{
    /// <summary>More about the step, shown after it: "2 of 3 outstanding; late: Police".</summary>
    public string? Detail { get; init; }

    /// <summary>A limit set in law or statutory guidance, not only in the local timetable.</summary>
    public bool Statutory { get; init; }

    /// <summary>
    /// Who else is told, beside the owner, once the deadline is overdue. When null (the usual case)
    /// the reminder rules decide: for the partnership's own steps the business unit and the chair,
    /// for an agency's step nobody else. When set, it replaces them for this deadline; empty tells
    /// the owner alone (a capability that escalates in steps of its own, as action plans do).
    /// </summary>
    public IReadOnlyList<Role>? EscalatesTo { get; init; }

    /// <summary>
    /// How many working days before the due date the owner is first reminded, when the capability
    /// sets its own (a quarter's data returns); null is the reminder rules' (<c>Reminders:WorkingDaysBefore</c>).
    /// </summary>
    public int? RemindWorkingDaysBefore { get; init; }
}

/// <summary>A capability's open deadlines, as the current person may see them (the data layer's filters apply).</summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default);
}

/// <summary>Every registered capability's open deadlines, soonest first.</summary>
public sealed class OpenDeadlines(IEnumerable<IDeadlineSource> sources)
{
    public async Task<List<Deadline>> AllAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var all = new List<Deadline>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OpenAsync(calendar, today, cancellationToken));
        }

        return all
            .OrderBy(d => d.DueOn)
            .ThenBy(d => d.Case, StringComparer.Ordinal)
            .ToList();
    }
}
