using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>A date something is due on a review, and how close it is.</summary>
public sealed record Deadline(string Code, string What, DateOnly Due, int WorkingDaysLeft, Rag Rag);

/// <summary>The deadlines still to meet on a review or a rapid review, soonest first.</summary>
public static class ReviewDeadlines
{
    public static List<Deadline> For(CaseReview review, WorkingDayCalendar calendar, DateOnly today)
    {
        var deadlines = new List<(string Code, string What, DateOnly Due)>();
        if (review.IsOpen)
        {
            if (review.CompletionTarget is { } target && review.Stage < ReviewStage.FindingsAgreed)
            {
                deadlines.Add(("Completion", review.IsLocalChildSafeguardingPracticeReview ? "Review completed (six months from the decision)" : "Review completed (within 12 weeks)", target));
            }

            if (review.FinalReportDueBy(calendar) is { } finalReport && review.FinalReportSentOn is null)
            {
                deadlines.Add(("FinalReport", "Final report to the Panel and the Secretary of State", finalReport));
            }

            if (review.PlannedPublicationDate is { } publication)
            {
                deadlines.Add(("Publication", "Publication", publication));
            }
        }

        return deadlines.Select(d => Rate(d.Code, d.What, d.Due, calendar, today)).OrderBy(d => d.Due).ToList();
    }

    public static List<Deadline> For(RapidReview review, WorkingDayCalendar calendar, DateOnly today)
    {
        if (review.Stage >= RapidReviewStage.SentToPanel)
        {
            return [];
        }

        return review.Milestones.Where(m => m.CompletedOn is null)
            .Select(m => Rate("Milestone", m.Name, m.DueDate(calendar, review.PartnershipNotifiedDate), calendar, today))
            .Append(Rate("RapidReview", "Rapid review decision sent to the Panel (15 working days)", review.DueDate(calendar), calendar, today))
            .DistinctBy(d => (d.What, d.Due))
            .OrderBy(d => d.Due)
            .ToList();
    }

    private static Deadline Rate(string code, string what, DateOnly due, WorkingDayCalendar calendar, DateOnly today)
    {
        var left = calendar.WorkingDaysBetween(today, due);
        return new Deadline(code, what, due, left, DeadlineRag.For(left, done: false));
    }
}
