using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Features.Reviews;

/// <summary>A date something is due on a review, and how close it is.</summary>
public sealed record Deadline(string What, DateOnly Due, int WorkingDaysLeft, Rag Rag);

/// <summary>The deadlines still to meet on a review or a rapid review, soonest first.</summary>
public static class ReviewDeadlines
{
    public static List<Deadline> For(CaseReview review, WorkingDayCalendar calendar, DateOnly today)
    {
        var deadlines = new List<(string What, DateOnly Due)>();
        if (review.IsOpen)
        {
            if (review.CompletionTarget is { } target && review.Stage < ReviewStage.FindingsAgreed)
            {
                deadlines.Add((review.IsLocalChildSafeguardingPracticeReview ? "Review completed (six months from the decision)" : "Review completed (within 12 weeks)", target));
            }

            if (review.FinalReportDueBy(calendar) is { } finalReport && review.FinalReportSentOn is null)
            {
                deadlines.Add(("Final report to the Panel and the Secretary of State", finalReport));
            }

            if (review.PlannedPublicationDate is { } publication)
            {
                deadlines.Add(("Publication", publication));
            }
        }

        return deadlines.Select(d => Rate(d.What, d.Due, calendar, today)).OrderBy(d => d.Due).ToList();
    }

    public static List<Deadline> For(RapidReview review, WorkingDayCalendar calendar, DateOnly today)
    {
        if (review.Stage >= RapidReviewStage.SentToPanel)
        {
            return [];
        }

        return review.Milestones.Where(m => m.CompletedOn is null)
            .Select(m => Rate(m.Name, m.DueDate(calendar, review.PartnershipNotifiedDate), calendar, today))
            .Append(Rate("Rapid review decision sent to the Panel (15 working days)", review.DueDate(calendar), calendar, today))
            .DistinctBy(d => (d.What, d.Due))
            .OrderBy(d => d.Due)
            .ToList();
    }

    private static Deadline Rate(string what, DateOnly due, WorkingDayCalendar calendar, DateOnly today)
    {
        var left = calendar.WorkingDaysBetween(today, due);
        return new Deadline(what, due, left, DeadlineRag.For(left, done: false));
    }
}
