using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Scheduling;

/// <summary>
/// Raises the reminders a job wants that nobody has raised yet, by their natural key (what, which
/// record, which kind, which due date, to whom), each with its email in the outbox in the same save.
/// So a job that runs twice, on two nodes, or again after a crash raises nothing twice.
/// </summary>
public sealed class RaiseReminders(AppDbContext db)
{
    /// <param name="email">The email for a reminder, given the recipient's address (people without one get none).</param>
    public async Task<int> Handle(IReadOnlyList<Reminder> wanted, Func<Reminder, string, OutboxEmail> email, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddFresh(wanted, email, cancellationToken);
            }
            catch (Exception e) when (attempt < 5 && IsRace(e))
            {
                // Another node raised some of the same reminders at the same moment: the unique key
                // kept them single (or the database broke the deadlock of the two inserts by undoing
                // ours). Look again; what is left to raise is what nobody has.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// A save that lost to another node's: a unique-key clash, or a deadlock the database broke,
    /// which providers without retries report wrapped as a transient failure.
    /// </summary>
    private static bool IsRace(Exception e) =>
        e is DbUpdateException || e is InvalidOperationException { InnerException: DbUpdateException };

    private async Task<int> AddFresh(IReadOnlyList<Reminder> wanted, Func<Reminder, string, OutboxEmail> email, CancellationToken cancellationToken)
    {
        var subjects = wanted.Select(r => r.SubjectId).Distinct().ToList();
        var existing = (await db.Reminders.IgnoreQueryFilters().Where(r => subjects.Contains(r.SubjectId))
                .Select(r => new { r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId))
            .ToHashSet();
        // Adding to the set keeps a reminder wanted twice in one run single too.
        var fresh = wanted.Where(r => existing.Add((r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var recipientIds = fresh.Select(r => r.RecipientUserId).Distinct().ToList();
        var addresses = await db.Users.Where(u => recipientIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
        db.Reminders.AddRange(fresh);
        db.OutboxEmails.AddRange(fresh.Where(r => addresses.ContainsKey(r.RecipientUserId)).Select(r => email(r, addresses[r.RecipientUserId])));
        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }
}
