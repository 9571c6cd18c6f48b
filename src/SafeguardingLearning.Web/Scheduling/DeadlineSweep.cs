using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Reviews;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>The reminder rules; configurable under <c>Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>The owner is first reminded this many working days before the due date.</summary>
    public int WorkingDaysBefore { get; set; } = 2;

    /// <summary>Who is told when something is overdue.</summary>
    public Role[] EscalateTo { get; set; } = [Role.BusinessUnit, Role.IndependentChair];
}

/// <summary>A deadline the sweep looks at: what it is, when it is due, and who owns it.</summary>
public sealed record TrackedDeadline(Guid PartnershipId, string Subject, Guid SubjectId, DateOnly DueOn, string What, string Link, IReadOnlyList<string> Owners);

/// <summary>
/// Deadlines are data, not timers: from the stored dates, the sweep raises the reminders they call
/// for — the owner N working days before and on the day, the business manager and the chair once
/// when overdue — each once, by its natural key, with its email in the outbox in the same transaction.
/// It runs on working days only, so nothing is raised on a weekend or a bank holiday.
/// </summary>
public sealed class DeadlineSweep(AppDbContext db, RaiseReminders raiseReminders, BankHolidays bankHolidays, TimeProvider clock, IOptions<ReminderOptions> options, IOptions<EmailOptions> email)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await bankHolidays.Calendar();
        var today = DisplayDates.Today(clock);
        if (!calendar.IsWorkingDay(today))
        {
            return 0;
        }

        var deadlines = await Deadlines(calendar, today, cancellationToken);
        var escalation = await PeopleIn(options.Value.EscalateTo, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = new List<Reminder>();
        foreach (var deadline in deadlines)
        {
            var left = calendar.WorkingDaysBetween(today, deadline.DueOn);
            (ReminderKind Kind, IReadOnlyList<string> Recipients, string Text)? raise = left switch
            {
                < 0 => (ReminderKind.Overdue, escalation.GetValueOrDefault(deadline.PartnershipId, []), $"Overdue since {DisplayDates.Date(deadline.DueOn)}: {deadline.What}"),
                0 => (ReminderKind.DueToday, deadline.Owners, $"Due today: {deadline.What}"),
                _ when left <= options.Value.WorkingDaysBefore => (ReminderKind.DueSoon, deadline.Owners, $"Due {DisplayDates.Date(deadline.DueOn)}: {deadline.What}"),
                _ => null,
            };
            if (raise is { } r)
            {
                wanted.AddRange(r.Recipients.Distinct().Select(user => new Reminder(deadline.PartnershipId, deadline.Subject, deadline.SubjectId, r.Kind, deadline.DueOn, user, Truncate(r.Text), deadline.Link, now)));
            }
        }

        return await raiseReminders.Handle(wanted, (reminder, to) => Email(reminder, to, now), cancellationToken);
    }

    /// <summary>No case details in email: a short subject and a link to sign in.</summary>
    private OutboxEmail Email(Reminder reminder, string to, DateTime now)
    {
        var subject = reminder.Kind switch
        {
            ReminderKind.Overdue => "Safeguarding Learning: something is overdue",
            ReminderKind.DueToday => "Safeguarding Learning: something is due today",
            _ => "Safeguarding Learning: something is due soon",
        };
        var link = $"{email.Value.PublicBaseUrl?.TrimEnd('/')}/reminders";
        return new OutboxEmail(to, subject, $"Something in your work on Safeguarding Learning needs attention.\n\nSign in to see it: {link}\n", now);
    }

    private async Task<List<TrackedDeadline>> Deadlines(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken)
    {
        var businessUnit = await PeopleIn([Role.BusinessUnit], cancellationToken);
        var chairs = await PeopleIn([Role.IndependentChair], cancellationToken);
        var deadlines = new List<TrackedDeadline>();

        var rapid = await (
                from r in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications on r.NotificationId equals n.Id
                where r.Stage < RapidReviewStage.SentToPanel
                select new { Review = r, n.ChildPseudonym })
            .ToListAsync(cancellationToken);
        foreach (var x in rapid)
        {
            var link = $"/rapid-reviews/{x.Review.Id}";
            var unit = businessUnit.GetValueOrDefault(x.Review.PartnershipId, []);
            foreach (var milestone in x.Review.Milestones.Where(m => m.CompletedOn is null && m.Owner != "Agency leads"))
            {
                var owners = milestone.Owner == "Independent chair" ? chairs.GetValueOrDefault(x.Review.PartnershipId, []) : unit;
                deadlines.Add(new(x.Review.PartnershipId, "RapidReviewMilestone", milestone.Id, milestone.DueDate(calendar, x.Review.PartnershipNotifiedDate), $"{x.ChildPseudonym}: {milestone.Name}", link, owners));
            }

            deadlines.Add(new(x.Review.PartnershipId, "RapidReview", x.Review.Id, x.Review.DueDate(calendar), $"{x.ChildPseudonym}: rapid review decision to the Panel", link, unit));
        }

        var requests = await (
                from r in db.AgencyRequests.AsNoTracking()
                join review in db.RapidReviews on r.RapidReviewId equals review.Id
                join n in db.Notifications on review.NotificationId equals n.Id
                where r.AnsweredOn == null && review.Stage < RapidReviewStage.SentToPanel
                select new { r.Id, r.PartnershipId, r.AgencyId, r.DueOn, n.ChildPseudonym })
            .ToListAsync(cancellationToken);
        var leads = (await db.Memberships.AsNoTracking().Where(m => m.Role == Role.AgencyLead && m.AgencyId != null)
                .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.PartnershipId, m.AgencyId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => (m.PartnershipId, m.AgencyId!.Value), m => m.UserId);
        deadlines.AddRange(requests.Select(r => new TrackedDeadline(r.PartnershipId, "AgencyRequest", r.Id, r.DueOn, $"{r.ChildPseudonym}: your agency's summary of involvement", $"/agency-requests/{r.Id}", leads[(r.PartnershipId, r.AgencyId)].ToList())));

        var reviews = await db.CaseReviews.AsNoTracking().Where(r => r.Stage != ReviewStage.Published && r.Stage != ReviewStage.Closed).ToListAsync(cancellationToken);
        foreach (var review in reviews)
        {
            foreach (var deadline in ReviewDeadlines.For(review, calendar, today))
            {
                deadlines.Add(new(review.PartnershipId, "CaseReview" + deadline.Code, review.Id, deadline.Due, $"{review.Title}: {deadline.What}", $"/reviews/{review.Id}", businessUnit.GetValueOrDefault(review.PartnershipId, [])));
            }
        }

        return deadlines;
    }

    /// <summary>The enabled people holding any of the roles, by partnership.</summary>
    private async Task<Dictionary<Guid, List<string>>> PeopleIn(Role[] roles, CancellationToken cancellationToken) =>
        (await db.Memberships.AsNoTracking().Where(m => roles.Contains(m.Role))
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new { m.PartnershipId, m.UserId })
            .ToListAsync(cancellationToken))
        .GroupBy(m => m.PartnershipId)
        .ToDictionary(g => g.Key, g => g.Select(m => m.UserId).Distinct().ToList());

    private static string Truncate(string text) => text.Length > 300 ? text[..297] + "..." : text;
}
