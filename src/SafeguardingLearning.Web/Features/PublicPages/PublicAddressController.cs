using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.PublicPages;

/// <summary>
/// The administrator sets the partnership's public address, the short name its published pages live
/// under (<c>/published/northshire</c>). Changing it moves every public page to the new address;
/// removing it takes them all offline (the pages themselves are kept).
/// </summary>
[Authorize(Policy = AccessPolicies.ManagePublicAddress)]
public sealed class PublicAddressController(AppDbContext db) : Controller
{
    private const string Prefix = "Form";

    [HttpGet("/partnerships/public-address")]
    public async Task<IActionResult> Edit()
    {
        var partnership = await Current();
        if (partnership is null)
        {
            return NotFound();
        }

        return View("PublicAddress", new PublicAddressModel(partnership.Name, partnership.PublicSlug, new PublicAddressForm { Slug = partnership.PublicSlug, Shown = partnership.PublicSlug ?? string.Empty }));
    }

    [HttpPost("/partnerships/public-address")]
    public async Task<IActionResult> Edit([Bind(Prefix = Prefix)] PublicAddressForm form)
    {
        var partnership = await Current();
        if (partnership is null)
        {
            return NotFound();
        }

        var step = new FormStep(Prefix) { Section = "public-address", Fields = new Dictionary<string, string> { [nameof(Partnership.PublicSlug)] = nameof(PublicAddressForm.Slug) } };

        // The address as the form showed it stands for the record's version: a change saved since
        // (by another administrator) is not overwritten unseen.
        if (!string.Equals(partnership.PublicSlug ?? string.Empty, form.Shown ?? string.Empty, StringComparison.Ordinal))
        {
            ModelState.AddModelError(step.Section, FormSubmission.StaleMessage);
            form.Shown = partnership.PublicSlug ?? string.Empty;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("PublicAddress", new PublicAddressModel(partnership.Name, partnership.PublicSlug, form));
        }

        var wanted = form.Slug?.Trim().ToLowerInvariant();
        var outcome = await ModelState.Submit(db, step, async () =>
        {
            if (!string.IsNullOrEmpty(wanted) && await db.Partnerships.IgnoreQueryFilters().AnyAsync(p => p.PublicSlug == wanted && p.Id != partnership.Id))
            {
                throw new Domain.DomainRuleException("Another partnership already has this public address: choose another", nameof(Partnership.PublicSlug));
            }

            partnership.SetPublicSlug(form.Slug);
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = partnership.PublicSlug is { } slug ? $"The partnership's published pages are now at /published/{slug}." : "The partnership has no public address now: its published pages are offline.";
            return Redirect("/partnerships/public-address");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var current = await Current();
        return View("PublicAddress", new PublicAddressModel(current!.Name, current.PublicSlug, form));
    }

    /// <summary>The partnership the administrator is working in (the data layer's filter shows only it).</summary>
    private Task<Partnership?> Current()
    {
        var id = User.GetPartnershipId();
        return db.Partnerships.SingleOrDefaultAsync(p => p.Id == id);
    }
}

public sealed class PublicAddressForm
{
    public string? Slug { get; set; }

    /// <summary>The address when the form was shown, checked on saving so that a newer change is not overwritten.</summary>
    public string? Shown { get; set; }
}

public sealed record PublicAddressModel(string PartnershipName, string? CurrentSlug, PublicAddressForm Form);
