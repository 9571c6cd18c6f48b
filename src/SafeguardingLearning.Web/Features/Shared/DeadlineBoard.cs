using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>A deadline as a page shows it: what, by when, how close, and where to act.</summary>
public sealed record DeadlineRow(Guid CaseId, string Case, string What, DateOnly Due, int WorkingDaysLeft, Rag Rag, string Link, bool Statutory, bool BeyondCalendar);

/// <summary>Turns the registered deadline sources' deadlines into what one person's pages show.</summary>
public static class DeadlineBoard
{
    public static DeadlineRow Row(Deadline deadline, WorkingDayCalendar calendar, DateOnly today)
    {
        var left = calendar.WorkingDaysBetween(today, deadline.DueOn);
        var what = deadline.Detail is null ? deadline.Step : $"{deadline.Step} ({deadline.Detail})";
        return new DeadlineRow(deadline.CaseId, deadline.Case, what, deadline.DueOn, left, DeadlineRag.For(left, done: false), deadline.Link, deadline.Statutory, BeyondCalendar: !calendar.Covers(deadline.DueOn));
    }

    public static List<DeadlineRow> Rows(IEnumerable<Deadline> deadlines, WorkingDayCalendar calendar, DateOnly today) =>
        deadlines.Select(d => Row(d, calendar, today)).OrderBy(d => d.Due).ToList();

    /// <summary>
    /// The deadlines a person is shown: an agency lead sees their own agency's; everyone else sees
    /// the partnership's own steps (the business unit chases the agencies through the step that
    /// gathers their answers, which names the late ones).
    /// </summary>
    public static IEnumerable<Deadline> For(IEnumerable<Deadline> deadlines, Role role, Guid? agencyId) =>
        role == Role.AgencyLead
            ? deadlines.Where(d => agencyId is not null && d.Owner.AgencyId == agencyId)
            : deadlines.Where(d => !d.Owner.IsAgency);
}
