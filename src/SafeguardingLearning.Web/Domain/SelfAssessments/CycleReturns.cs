using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>Where an invited agency's return stands with the cycle's partnership, for the return rate.</summary>
public enum ReturnStanding
{
    NotStarted,
    InProgress,
    SubmittedOnTime,
    SubmittedLate,
    ReturnedForChanges,
    Accepted,
}

/// <summary>
/// What the cycle knows of one invited agency: its kind (the return rate's sector), its return's
/// state with the partnership (none until it starts one), when the partnership last received it
/// and when it last sent it back.
/// </summary>
public sealed record InviteeReturn(Guid AgencyId, string AgencyName, AgencyKind AgencyKind, ReturnState? State, DateTime? ReceivedAt, DateTime? LastReturnedAt);

/// <summary>
/// The cycle's clock, in one place: when each invited agency's return is due, where it stands, and
/// the deadlines the reminders, the home pages and the return rate read (docs/adr/0007).
/// </summary>
public static class CycleReturns
{
    /// <summary>The kind of an agency's deadline: its return (or its changed return) to the partnership.</summary>
    public const string ReturnDeadlineKind = "SelfAssessmentReturn";

    /// <summary>The kind of the business unit's deadline: every return in.</summary>
    public const string ReturnsInDeadlineKind = "SelfAssessmentReturnsIn";

    /// <summary>
    /// A return sent back for changes is due again this many working days (four working weeks)
    /// after the day it was returned, and never before the cycle's own due date: the agency has
    /// time to make the changes and have the declaration signed again. A local choice: neither
    /// section 11 of the Children Act 2004 nor Working Together 2023 sets a period.
    /// </summary>
    public const int ResubmissionWorkingDays = 20;

    public static string Describe(ReturnStanding standing) => standing switch
    {
        ReturnStanding.NotStarted => "Not started",
        ReturnStanding.InProgress => "In progress",
        ReturnStanding.SubmittedOnTime => "Submitted on time",
        ReturnStanding.SubmittedLate => "Submitted late",
        ReturnStanding.ReturnedForChanges => "Returned for changes",
        ReturnStanding.Accepted => "Accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(standing), standing, null),
    };

    /// <summary>Still owed by the agency: not started, in progress, or returned for changes.</summary>
    public static bool IsOutstanding(ReturnState? state) => state is null || ReturnStates.WithAgency(state.Value);

    /// <summary>When a return sent back on <paramref name="returnedOn"/> is due again.</summary>
    public static DateOnly ResubmissionDueOn(AssessmentCycle cycle, DateOnly returnedOn, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddWorkingDays(returnedOn, ResubmissionWorkingDays);
        return due > cycle.DueOn ? due : cycle.DueOn;
    }

    /// <summary>When the agency's return is (or was last) due: the cycle's due date, or after a return for changes, the resubmission date.</summary>
    public static DateOnly DueOn(AssessmentCycle cycle, InviteeReturn invitee, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(invitee);
        return invitee.LastReturnedAt is { } returned && invitee.State is ReturnState.Returned or ReturnState.Resubmitted
            ? ResubmissionDueOn(cycle, DisplayDates.DayOf(returned), calendar)
            : cycle.DueOn;
    }

    /// <summary>Where the agency's return stands: a submission counts as on time when it was received by the date it was due.</summary>
    public static ReturnStanding StandingOf(AssessmentCycle cycle, InviteeReturn invitee, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        return invitee.State switch
        {
            null => ReturnStanding.NotStarted,
            ReturnState.Draft => ReturnStanding.InProgress,
            ReturnState.Returned => ReturnStanding.ReturnedForChanges,
            ReturnState.Accepted => ReturnStanding.Accepted,
            _ => invitee.ReceivedAt is { } received && DisplayDates.DayOf(received) > DueOn(cycle, invitee, calendar)
                ? ReturnStanding.SubmittedLate
                : ReturnStanding.SubmittedOnTime,
        };
    }

    /// <summary>
    /// The cycle's open deadlines. Nothing before the cycle opens (the agencies have not been told).
    /// Then each invited agency that owes its return — not started, in progress, or returned for
    /// changes — has one, owned by its leads, due on the cycle's due date (a returned one on its
    /// <see cref="ResubmissionDueOn"/>); a submitted or accepted return owes nothing, so its
    /// reminders stop. While any is owed, the business unit has one too: every return in, due on
    /// the soonest owed date, saying how many are outstanding and which are late.
    /// </summary>
    public static IReadOnlyList<Deadline> OpenDeadlines(AssessmentCycle cycle, IReadOnlyCollection<InviteeReturn> invitees, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(invitees);
        if (!cycle.IsOpen(today))
        {
            return [];
        }

        var step = $"{FrameworkKinds.Describe(cycle.Kind)} self-assessment return";
        var owed = invitees.Where(i => IsOutstanding(i.State))
            .Select(i => (Invitee: i, DueOn: DueOn(cycle, i, calendar)))
            .OrderBy(o => o.DueOn).ThenBy(o => o.Invitee.AgencyName, StringComparer.Ordinal)
            .ToList();
        var deadlines = owed.Select(o => new Deadline(
            cycle.PartnershipId,
            cycle.Id,
            cycle.Title,
            ReturnDeadlineKind,
            CycleInvitees.SubjectOf(cycle.Id, o.Invitee.AgencyId),
            o.Invitee.State == ReturnState.Returned ? $"{step}, changed as asked" : step,
            o.DueOn,
            DeadlineOwner.Agency(o.Invitee.AgencyId),
            $"/self-assessments/returns/{cycle.Id}")
        {
            Detail = o.Invitee.AgencyName,
        }).ToList();
        if (owed.Count > 0)
        {
            var late = owed.Where(o => o.DueOn < today).Select(o => o.Invitee.AgencyName).ToList();
            var detail = $"{owed.Count} of {invitees.Count} outstanding";
            if (late.Count > 0)
            {
                detail += $"; late: {string.Join(", ", late.Take(5))}{(late.Count > 5 ? $" and {late.Count - 5} more" : string.Empty)}";
            }

            deadlines.Add(new Deadline(
                cycle.PartnershipId,
                cycle.Id,
                cycle.Title,
                ReturnsInDeadlineKind,
                cycle.Id,
                "Self-assessment returns in",
                owed[0].DueOn,
                new DeadlineOwner(Role.BusinessUnit),
                $"/self-assessments/cycles/{cycle.Id}")
            {
                Detail = detail,
            });
        }

        return deadlines;
    }
}
