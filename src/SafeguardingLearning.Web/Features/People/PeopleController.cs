using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.People;

/// <summary>The accounts with a role in the current partnership, managed by its administrators.</summary>
[Authorize(Policy = AccessPolicies.ManageAccounts)]
public sealed class PeopleController(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IOptions<EmailOptions> emailOptions) : Controller
{
    private const string RoleField = "Form.Role";

    /// <summary>Why an account shared with another partnership cannot be disabled or have its two-factor reset from here.</summary>
    internal const string SharedAccountMessage =
        "This person also has a role in another partnership, so their account cannot be disabled, enabled or have its two-factor sign-in reset from here: " +
        "ask an administrator of every partnership they work in. You can still change their role here.";

    [HttpGet("/people")]
    public async Task<IActionResult> Index()
    {
        var people = await (
                from m in db.Memberships.AsNoTracking()
                join u in db.Users on m.UserId equals u.Id
                join a in db.PartnerAgencies on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                orderby u.DisplayName
                select new PersonRow(u.Id, u.DisplayName, u.Email!, m.Role, a.Name, u.IsDisabled, u.PasswordHash == null))
            .ToListAsync();
        return View(people);
    }

    [HttpGet("/people/invite")]
    public async Task<IActionResult> Invite() => View(await InviteModel(new InvitePersonForm { SubmissionKey = Guid.NewGuid() }));

    [HttpPost("/people/invite")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Form")] InvitePersonForm form, [FromServices] IValidator<InvitePersonForm> validator, [FromServices] InvitePerson invite)
    {
        Invitation? invitation = null;
        var (outcome, _) = await ModelState.CreateOnce(db, new FormStep("Form"), form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            invitation = await invite.Prepare(form, User.GetPartnershipId()!.Value, User.GetPartnershipName()!, PublicBaseUrl());
            return invitation.MembershipId;
        }, clock);
        if (outcome != FormOutcome.Saved)
        {
            return View(await InviteModel(form));
        }

        // Sent once the role is saved; a second submission of the same form finds it saved and sends nothing.
        if (invitation is not null)
        {
            await invite.Send(invitation);
        }

        TempData["Notice"] = $"{form.Name!.Trim()} has been invited. They have been sent an email with a link to " +
            (string.IsNullOrEmpty(form.SignInWith) ? "set their password." : "sign in with their organisation's account.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("/people/{userId}")]
    public async Task<IActionResult> Person(string userId)
    {
        var model = await PersonModel(userId, null);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("/people/{userId}/role")]
    public async Task<IActionResult> ChangeRole(string userId, [Bind(Prefix = "Form")] ChangeRoleForm form)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId);
        if (membership is null)
        {
            return NotFound();
        }

        var validation = new ValidationResult();
        if (!Enum.TryParse<Role>(form.Role, out var role))
        {
            validation.Errors.Add(new ValidationFailure(nameof(ChangeRoleForm.Role), "Choose the person's role"));
        }
        else if (role == Role.AgencyLead && (form.AgencyId is null || !await db.PartnerAgencies.AnyAsync(a => a.Id == form.AgencyId && a.IsActive)))
        {
            validation.Errors.Add(new ValidationFailure(nameof(ChangeRoleForm.AgencyId), "Choose the agency this agency lead answers for"));
        }
        else if (userId == User.GetUserId() && role != Role.Administrator)
        {
            validation.Errors.Add(new ValidationFailure(nameof(ChangeRoleForm.Role), "You cannot take away your own administrator role: ask another administrator"));
        }

        // The membership's rules are about the role and its agency, chosen together on this form.
        var step = new FormStep("Form") { Section = RoleField, Record = membership, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, validation, () =>
        {
            membership.Change(role, role == Role.AgencyLead ? form.AgencyId : null);
            return Task.CompletedTask;
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The role has been changed.";
                return RedirectToAction(nameof(Person), new { userId });
            case FormOutcome.Stale:
                var current = (await PersonModel(userId, null))!;
                var changed = ChangedField.Between(
                    ("Role", RoleNames.Describe(current.Role), Enum.TryParse<Role>(form.Role, out var chosen) ? RoleNames.Describe(chosen) : null),
                    ("Agency", current.AgencyName, current.Agencies.SingleOrDefault(a => a.Value == form.AgencyId?.ToString())?.Text));
                return View(nameof(Person), current with { Form = form with { Version = current.Form.Version }, Changed = changed });
            default:
                return View(nameof(Person), await PersonModel(userId, form));
        }
    }

    [HttpPost("/people/{userId}/disable")]
    public Task<IActionResult> Disable(string userId) => SetDisabled(userId, true);

    [HttpPost("/people/{userId}/enable")]
    public Task<IActionResult> Enable(string userId) => SetDisabled(userId, false);

    [HttpPost("/people/{userId}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string userId)
    {
        var user = await MemberOfThisPartnership(userId);
        if (user is null)
        {
            return NotFound();
        }

        if (await HoldsRolesElsewhere(userId))
        {
            return await RefuseSharedAccount(userId);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        user.LastTotpTimeStep = null;
        await users.UpdateAsync(user);
        await SessionValidation.EndAllSessionsAsync(db, user.Id, clock.GetUtcNow().UtcDateTime);
        db.RecordEvent(AuditAction.TwoFactorReset, nameof(ApplicationUser), user.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{user.DisplayName}'s two-factor sign-in has been reset. They will set up their authenticator app again when they next sign in.";
        return RedirectToAction(nameof(Person), new { userId });
    }

    private async Task<IActionResult> SetDisabled(string userId, bool disabled)
    {
        var user = await MemberOfThisPartnership(userId);
        if (user is null)
        {
            return NotFound();
        }

        if (userId == User.GetUserId())
        {
            TempData["Notice"] = "You cannot disable your own account.";
            return RedirectToAction(nameof(Person), new { userId });
        }

        if (await HoldsRolesElsewhere(userId))
        {
            return await RefuseSharedAccount(userId);
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        if (disabled)
        {
            await SessionValidation.EndAllSessionsAsync(db, user.Id, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        TempData["Notice"] = disabled ? $"{user.DisplayName}'s account is disabled: they have been signed out and cannot sign in." : $"{user.DisplayName}'s account is enabled again.";
        return RedirectToAction(nameof(Person), new { userId });
    }

    /// <summary>The account, only if it has a role in the current partnership (memberships are filtered to it).</summary>
    private async Task<ApplicationUser?> MemberOfThisPartnership(string userId) =>
        await db.Memberships.AnyAsync(m => m.UserId == userId) ? await users.FindByIdAsync(userId) : null;

    /// <summary>
    /// Whether the account has a role in any partnership other than the current one. Disabling it or
    /// resetting its two-factor sign-in would change it everywhere, so only an administrator whose
    /// partnership holds all of its roles may do that.
    /// </summary>
    private Task<bool> HoldsRolesElsewhere(string userId)
    {
        var partnershipId = User.GetPartnershipId();
        return db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == userId && m.PartnershipId != partnershipId);
    }

    private async Task<IActionResult> RefuseSharedAccount(string userId)
    {
        ModelState.AddModelError(string.Empty, SharedAccountMessage);
        return View(nameof(Person), await PersonModel(userId, null));
    }

    private async Task<PersonModel?> PersonModel(string userId, ChangeRoleForm? form)
    {
        var person = await (
                from m in db.Memberships.AsNoTracking()
                join u in db.Users on m.UserId equals u.Id
                join a in db.PartnerAgencies on m.AgencyId equals a.Id into agencies
                from a in agencies.DefaultIfEmpty()
                where m.UserId == userId
                select new { m.Id, u.DisplayName, u.Email, m.Role, m.AgencyId, AgencyName = a.Name, u.IsDisabled, u.TwoFactorEnabled, Invited = u.PasswordHash == null })
            .SingleOrDefaultAsync();
        if (person is null)
        {
            return null;
        }

        // Tracked, so that its concurrency token (a shadow property) can be read.
        var membership = await db.Memberships.SingleAsync(m => m.Id == person.Id);
        var version = ConcurrencyTokens.Read(db.Entry(membership));
        var history = await AuditHistory.For(db, [(nameof(ApplicationUser), userId), (nameof(PartnershipMembership), person.Id.ToString())]);
        return new PersonModel(
            userId, person.DisplayName, person.Email!, person.Role, person.AgencyName, person.IsDisabled, person.TwoFactorEnabled, person.Invited, await HoldsRolesElsewhere(userId),
            form ?? new ChangeRoleForm(person.Role.ToString(), person.AgencyId, version),
            RoleItems(), await AgencyItems(), history);
    }

    private async Task<InviteModel> InviteModel(InvitePersonForm form) => new(form, RoleItems(), await AgencyItems());

    private static List<SelectListItem> RoleItems() =>
        Enum.GetValues<Role>().Select(r => new SelectListItem(RoleNames.Describe(r), r.ToString())).ToList();

    private async Task<List<SelectListItem>> AgencyItems()
    {
        // Ids are formatted here, not by the database (SQLite would give them in capitals).
        var agencies = (await db.PartnerAgencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Name, a.Id }).ToListAsync())
            .Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
        agencies.Insert(0, new SelectListItem("Not an agency lead", string.Empty));
        return agencies;
    }

    // From configuration only, never from the request's Host header (which anyone can set).
    private string PublicBaseUrl() => emailOptions.Value.PublicBaseUrl!.TrimEnd('/');
}

public sealed record PersonRow(string UserId, string Name, string Email, Role Role, string? AgencyName, bool IsDisabled, bool IsInvited);

public sealed record ChangeRoleForm(string? Role, Guid? AgencyId, string? Version);

public sealed record InviteModel(InvitePersonForm Form, List<SelectListItem> Roles, List<SelectListItem> Agencies);

public sealed record PersonModel(
    string UserId,
    string Name,
    string Email,
    Role Role,
    string? AgencyName,
    bool IsDisabled,
    bool TwoFactorEnabled,
    bool IsInvited,
    bool HoldsRolesElsewhere,
    ChangeRoleForm Form,
    List<SelectListItem> Roles,
    List<SelectListItem> Agencies,
    List<HistoryRow> History)
{
    /// <summary>For a stale role change: what someone else saved, beside what this person chose.</summary>
    public IReadOnlyList<ChangedField> Changed { get; init; } = [];
}
