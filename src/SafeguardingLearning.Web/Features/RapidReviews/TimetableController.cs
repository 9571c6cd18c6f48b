using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

public sealed class TimetableMilestoneForm
{
    public string? Name { get; set; }

    public string? WorkingDay { get; set; }

    public string? Step { get; set; }

    public string? Owner { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Steps =
        Enum.GetValues<MilestoneStep>().Select(s => new SelectListItem(MilestoneSteps.Describe(s), s.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> Owners =
        new[] { Role.BusinessUnit, Role.IndependentChair, Role.AgencyLead }.Select(r => new SelectListItem(RoleNames.Describe(r), r.ToString())).ToList();
}

public sealed class TimetableMilestoneFormValidator : AbstractValidator<TimetableMilestoneForm>
{
    public TimetableMilestoneFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter what the milestone is").MaximumTextLength(300, "The milestone must be 300 characters or fewer");
        RuleFor(f => f.WorkingDay).NotEmpty().WithMessage("Enter the working day the milestone is due")
            .Must(d => int.TryParse(d, out _)).WithMessage("The working day must be a number, like 3");
        RuleFor(f => f.Step).Must(s => Enum.TryParse<MilestoneStep>(s, out _)).WithMessage("Choose what completes the milestone");
        RuleFor(f => f.Owner).Must(o => Enum.TryParse<Role>(o, out _)).WithMessage("Choose who owns the milestone");
    }
}

/// <summary>
/// The partnership's local rapid review timetable. New rapid reviews take it as it is when they
/// start; reviews already running keep theirs.
/// </summary>
[Authorize(Policy = AccessPolicies.ManageTimetable)]
public sealed class TimetableController(AppDbContext db, IValidator<TimetableMilestoneForm> validator) : Controller
{
    [HttpGet("/timetable")]
    public async Task<IActionResult> Index() => View("Timetable", await Model(new TimetableMilestoneForm()));

    [HttpPost("/timetable/add")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] TimetableMilestoneForm form)
    {
        if (!ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            return View("Timetable", await Model(form));
        }

        try
        {
            var partnershipId = User.GetPartnershipId()!.Value;
            var timetable = await RapidReviewTimetable.LoadForChange(db, partnershipId);
            var order = timetable.Count == 0 ? 1 : timetable.Max(m => m.Order) + 1;
            db.TimetableMilestones.Add(new TimetableMilestone(partnershipId, order, form.Name!, int.Parse(form.WorkingDay!, System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<MilestoneStep>(form.Step!), Enum.Parse<Role>(form.Owner!)));
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(rule.Field is null ? string.Empty : $"Form.{rule.Field}", rule.Message);
            return View("Timetable", await Model(form));
        }

        TempData["Notice"] = "The milestone has been added. Rapid reviews started from now on will use it.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("/timetable/{id:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id)
    {
        var timetable = await RapidReviewTimetable.LoadForChange(db, User.GetPartnershipId()!.Value);
        var milestone = timetable.SingleOrDefault(m => m.Id == id);
        if (milestone is null)
        {
            return NotFound();
        }

        db.TimetableMilestones.Remove(milestone);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{milestone.Name}” has been removed from the timetable.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<TimetableModel> Model(TimetableMilestoneForm form) =>
        new(await RapidReviewTimetable.Load(db, User.GetPartnershipId()!.Value), form);
}

public sealed record TimetableModel(List<TimetableMilestone> Milestones, TimetableMilestoneForm Form);
