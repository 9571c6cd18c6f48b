using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Reminders;

/// <summary>
/// A person's reminders in the partnership they are working in: newest first, each linking to what
/// it is about, marked read one at a time or all together. Nobody sees anyone else's.
/// </summary>
public sealed class RemindersController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/reminders")]
    public async Task<IActionResult> Index()
    {
        var userId = User.GetUserId();
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.RecipientUserId == userId && r.ResolvedAt == null)
            .OrderBy(r => r.ReadAt != null).ThenByDescending(r => r.CreatedAt)
            .Take(100)
            .ToListAsync();
        return View(reminders);
    }

    [HttpPost("/reminders/{id:guid}/read")]
    public async Task<IActionResult> MarkRead(Guid id)
    {
        var userId = User.GetUserId();
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == id && r.RecipientUserId == userId);
        if (reminder is null)
        {
            return NotFound();
        }

        reminder.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/reminders/read")]
    public async Task<IActionResult> MarkAllRead()
    {
        var userId = User.GetUserId();
        var unread = await db.Reminders.Where(r => r.RecipientUserId == userId && r.ReadAt == null).ToListAsync();
        unread.ForEach(r => r.MarkRead(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        TempData["Notice"] = "Every reminder is marked as read.";
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>
/// The header's count of unread reminders in the partnership the person is working in. The session
/// check reads it in its own query on every signed-in request (<see cref="SessionValidation"/>), so
/// the header costs no query of its own; a request the session check did not see asks here.
/// </summary>
public sealed class ReminderCountViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.Items.TryGetValue(SessionValidation.UnreadRemindersKey, out var read) && read is int unread)
        {
            return View(unread);
        }

        var userId = UserClaimsPrincipal.GetUserId();
        var count = userId is null ? 0 : await db.Reminders.CountAsync(r => r.RecipientUserId == userId && r.ReadAt == null && r.ResolvedAt == null);
        return View(count);
    }
}
