using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// Who is chased for a deadline and what they are told, in one place: the reminder in the app names
/// the case, the step and (for an agency's step) the agency; the email names only the kind of step
/// and links to it — never case details. The sweep uses it on its rounds; a capability uses
/// <see cref="AskNowAsync"/> when a step is asked of someone at once.
/// </summary>
public sealed class Chasing(AppDbContext db, IOptions<EmailOptions> email)
{
    /// <summary>
    /// Tells each deadline's owners now that it is asked of them. The reminders and emails join the
    /// caller's unit of work, so they are saved with the step that asked, or not at all.
    /// </summary>
    /// <returns>The deadlines that have nobody to chase (an agency with no active lead).</returns>
    public async Task<IReadOnlyList<Deadline>> AskNowAsync(IReadOnlyList<Deadline> deadlines, DateTime now, CancellationToken cancellationToken = default)
    {
        var people = await PeopleAsync(cancellationToken);

        // A step asked again (a chase on another day) asks again through the reminder it already has:
        // one per step, due date and person, shown as new.
        var subjects = deadlines.Select(d => d.SubjectId).Distinct().ToList();
        var askedBefore = subjects.Count == 0 ? [] : await db.Reminders.Where(r => r.Kind == ReminderKind.Asked && subjects.Contains(r.SubjectId)).ToListAsync(cancellationToken);
        var unchased = new List<Deadline>();
        foreach (var deadline in deadlines)
        {
            var owners = people.Owners(deadline).ToList();
            if (owners.Count == 0)
            {
                unchased.Add(deadline);
            }

            foreach (var owner in owners.DistinctBy(o => o.UserId))
            {
                var text = Text(deadline, $"due {DisplayDates.Date(deadline.DueOn)}");
                var reminder = askedBefore.FirstOrDefault(r => r.Subject == deadline.Kind && r.SubjectId == deadline.SubjectId && r.DueOn == deadline.DueOn && r.RecipientUserId == owner.UserId);
                if (reminder is null)
                {
                    reminder = new Reminder(deadline.PartnershipId, deadline.Kind, deadline.SubjectId, ReminderKind.Asked, deadline.DueOn, owner.UserId, text, deadline.Link, now);
                    db.Reminders.Add(reminder);
                }
                else
                {
                    reminder.AskAgain(text, now);
                }

                if (owner.Email is { } address)
                {
                    db.OutboxEmails.Add(Email(reminder, deadline.Step, address, now));
                }
            }
        }

        return unchased;
    }

    /// <summary>Tells the partnership's business unit, in the app, of something that needs their attention now.</summary>
    public async Task WarnBusinessUnitAsync(Guid partnershipId, string subject, Guid subjectId, DateOnly on, string text, string link, DateTime now, CancellationToken cancellationToken = default)
    {
        var people = await PeopleAsync(cancellationToken);
        foreach (var userId in people.ByRole(partnershipId, [Role.BusinessUnit]).Distinct())
        {
            db.Reminders.Add(new Reminder(partnershipId, subject, subjectId, ReminderKind.Attention, on, userId, Truncate(text), link, now));
        }
    }

    /// <summary>
    /// Tells one person, in the app and by email, of something that now needs them (a return
    /// assigned to them to moderate, or sent back to them changed), in the caller's unit of work. Told
    /// again about the same thing on the same day, their reminder is shown as new, not repeated.
    /// </summary>
    public async Task TellAsync(Guid partnershipId, string userId, string subject, Guid subjectId, string text, string step, string link, DateOnly on, DateTime now, CancellationToken cancellationToken = default)
    {
        var person = (await PeopleAsync(cancellationToken)).Person(partnershipId, userId);
        if (person is null)
        {
            return;
        }

        var reminder = db.Reminders.Local.FirstOrDefault(r => r.Subject == subject && r.SubjectId == subjectId && r.Kind == ReminderKind.Attention && r.DueOn == on && r.RecipientUserId == userId)
            ?? await db.Reminders.FirstOrDefaultAsync(r => r.Subject == subject && r.SubjectId == subjectId && r.Kind == ReminderKind.Attention && r.DueOn == on && r.RecipientUserId == userId, cancellationToken);
        if (reminder is null)
        {
            reminder = new Reminder(partnershipId, subject, subjectId, ReminderKind.Attention, on, userId, Truncate(text), link, now);
            db.Reminders.Add(reminder);
        }
        else
        {
            reminder.AskAgain(Truncate(text), now);
        }

        if (person.Email is { } address)
        {
            // No case details in email: what needs them, and a link to it.
            var url = $"{email.Value.PublicBaseUrl?.TrimEnd('/')}{link}";
            db.OutboxEmails.Add(new OutboxEmail(address, Truncate($"Safeguarding Learning: needs your attention: {step}"), $"{step}.\n\nSign in to see it: {url}\n", now));
        }
    }

    /// <summary>What a reminder in the app says: the case, the step and its detail, and when.</summary>
    public static string Text(Deadline deadline, string when) =>
        Truncate($"{deadline.Case}: {deadline.Step}{(deadline.Detail is null ? string.Empty : $" ({deadline.Detail})")}, {when}");

    /// <summary>No case details in email: the kind of step, when, and a link to it.</summary>
    public OutboxEmail Email(Reminder reminder, string? step, string to, DateTime now)
    {
        var what = step ?? "Something in your work";
        var subject = reminder.Kind switch
        {
            ReminderKind.Overdue => $"Safeguarding Learning: overdue: {what}",
            ReminderKind.DueToday => $"Safeguarding Learning: due today: {what}",
            ReminderKind.Asked => $"Safeguarding Learning: asked of you: {what}",
            ReminderKind.Attention => $"Safeguarding Learning: needs your attention: {what}",
            _ => $"Safeguarding Learning: due {DisplayDates.Date(reminder.DueOn)}: {what}",
        };
        var link = $"{email.Value.PublicBaseUrl?.TrimEnd('/')}{reminder.Link}";
        return new OutboxEmail(to, Truncate(subject), $"{what}: {(reminder.Kind == ReminderKind.Overdue ? "overdue since" : "due")} {DisplayDates.Date(reminder.DueOn)}.\n\nSign in to see it: {link}\n", now);
    }

    /// <summary>The enabled people of every partnership, by role and agency.</summary>
    internal async Task<Recipients> PeopleAsync(CancellationToken cancellationToken) =>
        new(await db.Memberships.AsNoTracking()
            .Join(db.Users.Where(u => !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new Recipient(m.PartnershipId, m.Role, m.AgencyId, m.UserId, u.Email))
            .ToListAsync(cancellationToken));

    private static string Truncate(string text) => text.Length > 300 ? text[..297] + "..." : text;

    internal sealed record Recipient(Guid PartnershipId, Role Role, Guid? AgencyId, string UserId, string? Email);

    internal sealed class Recipients(List<Recipient> all)
    {
        /// <summary>One enabled person in a partnership, if they are a member of it.</summary>
        public Recipient? Person(Guid partnershipId, string userId) => all.FirstOrDefault(p => p.PartnershipId == partnershipId && p.UserId == userId);

        /// <summary>The people who own a deadline: its role in its partnership, and for an agency's step, that agency's.</summary>
        public IEnumerable<Recipient> Owners(Deadline deadline) =>
            all.Where(p => p.PartnershipId == deadline.PartnershipId && p.Role == deadline.Owner.Role && (deadline.Owner.AgencyId is null || p.AgencyId == deadline.Owner.AgencyId));

        public IEnumerable<string> ByRole(Guid partnershipId, Role[] roles) =>
            all.Where(p => p.PartnershipId == partnershipId && roles.Contains(p.Role)).Select(p => p.UserId);

        public IEnumerable<(Guid PartnershipId, List<string> UserIds)> ByRole(Role role) =>
            all.Where(p => p.Role == role).GroupBy(p => p.PartnershipId).Select(g => (g.Key, g.Select(p => p.UserId).Distinct().ToList()));
    }
}
