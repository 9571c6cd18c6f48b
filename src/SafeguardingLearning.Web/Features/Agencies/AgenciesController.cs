using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.AuditTrail;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Agencies;

/// <summary>
/// The partnership's partner agencies. Agencies are shared reference data (a police force serves
/// several partnerships); the data layer shows only those that are members of the current one.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewPartnerAgencies)]
public sealed class AgenciesController(AppDbContext db, IValidator<AgencyForm> validator, IAuthorizationService authorization) : Controller
{
    /// <summary>Said for a name in use anywhere on the installation, without saying where.</summary>
    internal const string DuplicateNameMessage = "An agency with that name already exists";

    internal const string SharedAgencyMessage =
        "This agency also works with other partnerships, so it cannot be renamed, changed or made inactive from here. Ask the administrators of the installation.";

    [HttpGet("/agencies")]
    public async Task<IActionResult> Index()
    {
        var agencies = await db.PartnerAgencies.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AgencyRow(a.Id, a.Name, a.Kind, a.IsActive))
            .ToListAsync();
        return View(agencies);
    }

    [HttpGet("/agencies/{id:guid}")]
    public async Task<IActionResult> Agency(Guid id)
    {
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AgencyRow(a.Id, a.Name, a.Kind, a.IsActive)).SingleOrDefaultAsync();
        if (agency is null)
        {
            return NotFound();
        }

        var history = (await authorization.AuthorizeAsync(User, AccessPolicies.ViewHistory)).Succeeded
            ? await AuditHistory.For(db, [(nameof(PartnerAgency), id.ToString())])
            : null;
        return View(new AgencyModel(agency, history));
    }

    [Authorize(Policy = AccessPolicies.ManageAgencies)]
    [HttpGet("/agencies/new")]
    public IActionResult New() => View(new AgencyEditModel(null, new AgencyForm { IsActive = true, SubmissionKey = Guid.NewGuid() }, KindItems(), []));

    [Authorize(Policy = AccessPolicies.ManageAgencies)]
    [HttpPost("/agencies/new")]
    public async Task<IActionResult> New([Bind(Prefix = "Form")] AgencyForm form)
    {
        var name = form.Name?.Trim() ?? string.Empty;
        var (outcome, id) = await ModelState.CreateOnce(db, new FormStep("Form"), form.SubmissionKey, await validator.ValidateAsync(form), async () =>
        {
            if (await NameInUse(name, exceptId: Guid.Empty))
            {
                throw new DomainRuleException(DuplicateNameMessage, nameof(AgencyForm.Name));
            }

            var agency = new PartnerAgency(name, Enum.Parse<AgencyKind>(form.Kind!));
            var partnership = await db.Partnerships.Include(p => p.Agencies).SingleAsync();
            partnership.AddMember(agency);
            db.PartnerAgencies.Add(agency);
            return agency.Id;
        });
        if (outcome != FormOutcome.Saved)
        {
            return View(new AgencyEditModel(null, form, KindItems(), []));
        }

        TempData["Notice"] = $"{name} has been added to the partnership.";
        return RedirectToAction(nameof(Agency), new { id });
    }

    [Authorize(Policy = AccessPolicies.ManageAgencies)]
    [HttpGet("/agencies/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var agency = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return NotFound();
        }

        var form = new AgencyForm { Name = agency.Name, Kind = agency.Kind.ToString(), IsActive = agency.IsActive, Version = ConcurrencyTokens.Read(db.Entry(agency)) };
        return View(new AgencyEditModel(id, form, KindItems(), [], await IsShared(id)));
    }

    [Authorize(Policy = AccessPolicies.ManageAgencies)]
    [HttpPost("/agencies/{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] AgencyForm form)
    {
        var agency = await db.PartnerAgencies.SingleOrDefaultAsync(a => a.Id == id);
        if (agency is null)
        {
            return NotFound();
        }

        var shared = await IsShared(id);
        var step = new FormStep("Form") { Section = "agency-heading", Record = agency, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), async () =>
        {
            // The agency is one record for every partnership it works with: one partnership's
            // administrator must not rename or close it for the others.
            if (shared)
            {
                throw new DomainRuleException(SharedAgencyMessage);
            }

            if (await NameInUse(form.Name!.Trim(), exceptId: id))
            {
                throw new DomainRuleException(DuplicateNameMessage, nameof(AgencyForm.Name));
            }

            agency.Change(form.Name!, Enum.Parse<AgencyKind>(form.Kind!), form.IsActive);
        });
        switch (outcome)
        {
            case FormOutcome.Saved:
                TempData["Notice"] = "The agency has been saved.";
                return RedirectToAction(nameof(Agency), new { id });
            case FormOutcome.Stale:
                // Someone saved first: show what they saved, keep what this person typed, and let
                // them save again over the newer version if they still mean it.
                var current = await db.PartnerAgencies.SingleAsync(a => a.Id == id);
                form.Version = ConcurrencyTokens.Read(db.Entry(current));
                var changed = ChangedField.Between(
                    ("Name", current.Name, form.Name),
                    ("Kind of agency", AgencyKindNames.Describe(current.Kind), Enum.TryParse<AgencyKind>(form.Kind, out var kind) ? AgencyKindNames.Describe(kind) : null),
                    ("Status", current.IsActive ? "Active" : "Inactive", form.IsActive ? "Active" : "Inactive"));
                return View(new AgencyEditModel(id, form, KindItems(), changed, await IsShared(id), Stale: true));
            default:
                return View(new AgencyEditModel(id, form, KindItems(), [], shared));
        }
    }

    /// <summary>Whether the agency is a member of any partnership besides the current one.</summary>
    private Task<bool> IsShared(Guid agencyId)
    {
        var partnershipId = User.GetPartnershipId();
        return db.PartnershipAgencies.IgnoreQueryFilters().AnyAsync(pa => pa.AgencyId == agencyId && pa.PartnershipId != partnershipId);
    }

    /// <summary>Names are unique across the installation; the answer is yes or no, never whose.</summary>
    private Task<bool> NameInUse(string name, Guid exceptId) =>
        db.PartnerAgencies.IgnoreQueryFilters().AnyAsync(a => a.Name == name && a.Id != exceptId);

    private static List<SelectListItem> KindItems() =>
        Enum.GetValues<AgencyKind>().Select(k => new SelectListItem(AgencyKindNames.Describe(k), k.ToString())).ToList();
}

public sealed record AgencyRow(Guid Id, string Name, AgencyKind Kind, bool IsActive);

public sealed record AgencyModel(AgencyRow Agency, List<HistoryRow>? History);

/// <summary>The add or edit form; <paramref name="Changed"/> is what someone else saved while it was open.</summary>
public sealed record AgencyEditModel(Guid? Id, AgencyForm Form, List<SelectListItem> Kinds, IReadOnlyList<ChangedField> Changed, bool IsShared = false, bool Stale = false);
