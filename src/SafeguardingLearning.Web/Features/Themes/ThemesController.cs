using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.ActionPlans;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Themes;

public sealed class ThemeForm
{
    public string? Name { get; set; }
}

public sealed class ThemeFormValidator : AbstractValidator<ThemeForm>
{
    public ThemeFormValidator() =>
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the theme's name")
            .MaximumTextLength(100, "The name must be 100 characters or fewer");
}

/// <summary>
/// The partnership's list of themes, managed by administrators, and a page per theme listing every
/// finding tagged with it across all reviews and years, so a lesson being learnt again is visible.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewThemes)]
public sealed class ThemesController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/themes")]
    public async Task<IActionResult> Index() => View(await Model(new ThemeForm()));

    [Authorize(Policy = AccessPolicies.ManageThemes)]
    [HttpPost("/themes")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] ThemeForm form, [FromServices] IValidator<ThemeForm> validator)
    {
        if (ModelState.CopyFrom(await validator.ValidateAsync(form), "Form"))
        {
            var name = form.Name!.Trim();
            if ((await db.Themes.Select(t => t.Name).ToListAsync()).Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                ModelState.AddModelError("Form.Name", $"There is already a theme called {name}");
            }
            else
            {
                db.Themes.Add(new Theme(User.GetPartnershipId()!.Value, name));
                await db.SaveChangesAsync();
                TempData["Notice"] = $"{name} has been added to the themes.";
                return RedirectToAction(nameof(Index));
            }
        }

        return View(nameof(Index), await Model(form));
    }

    [Authorize(Policy = AccessPolicies.ManageThemes)]
    [HttpPost("/themes/{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id);
        if (theme is null)
        {
            return NotFound();
        }

        theme.SetActive(active);
        await db.SaveChangesAsync();
        TempData["Notice"] = active ? $"{theme.Name} can be chosen for findings again." : $"{theme.Name} can no longer be chosen for new findings. Findings already tagged keep it.";
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = AccessPolicies.ReadThemeFindings)]
    [HttpGet("/themes/{id:guid}")]
    public async Task<IActionResult> Theme(Guid id, int? page)
    {
        var tagged = from ft in db.Set<FindingTheme>()
                     where ft.ThemeId == id
                     join f in db.Findings on ft.FindingId equals f.Id
                     join r in ReviewsWhoseFindingsTheyRead() on f.CaseReviewId equals r.Id
                     select new { Finding = f, Review = r };

        // The theme and how many findings, reviews and years it spans, in one query; then the page's findings.
        var found = await db.Themes.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new
            {
                Theme = t,
                Findings = tagged.Count(),
                Reviews = tagged.Select(x => x.Review.Id).Distinct().Count(),
                Years = tagged.Select(x => x.Review.CommissionedOn.Year).Distinct().Count(),
            })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return NotFound();
        }

        var (theme, reviews, years) = (found.Theme, found.Reviews, found.Years);
        // The page of findings and the actions each led to, as far as this person may see them, in one
        // query: a lesson found again shows whether what was done the first time was finished.
        var number = Paging.Number(page, found.Findings);
        var pageOfFindings = tagged
            .OrderByDescending(x => x.Review.CommissionedOn).ThenBy(x => x.Review.Title).ThenBy(x => x.Review.Id).ThenBy(x => x.Finding.Number)
            .Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize)
            .Select(x => new
            {
                x.Review.CommissionedOn,
                ReviewId = x.Review.Id,
                x.Review.Title,
                x.Review.Kind,
                FindingId = x.Finding.Id,
                x.Finding.Number,
                x.Finding.Text,
                x.Finding.Recommendation,
                x.Finding.BoardResponse,
            });
        var rows = found.Findings == 0 ? [] : await (
            from f in pageOfFindings
            join a in FindingActions.Visible(db, ActionVisibility.Reader(User)) on f.FindingId equals a.FindingId into answering
            from a in answering.DefaultIfEmpty()
            orderby f.CommissionedOn descending, f.Title, f.ReviewId, f.Number, (int?)a.Number, (Guid?)a.Id
            select new
            {
                Finding = new ThemeFinding(f.ReviewId, f.FindingId, f.Title, f.Kind, f.CommissionedOn.Year, f.Number, f.Text, f.Recommendation, f.BoardResponse),
                ActionId = (Guid?)a.Id,
                ActionNumber = (int?)a.Number,
                a.Activity,
                a.Responsible,
                Status = (ActionStatus?)a.Status,
                EndDate = (DateOnly?)a.EndDate,
                a.CompletionEvidence,
                a.LatestUpdateOn,
                a.LatestUpdate,
                a.ImpactCheck,
                a.ImpactCheckBy,
                a.ImpactAccepted,
                a.CheckShowedImpact,
            }).ToListAsync();
        var findings = new Page<ThemeFinding>([.. rows.Select(r => r.Finding).DistinctBy(f => f.FindingId)], number, Paging.PageSize, found.Findings);
        var actions = rows
            .Select(r => r.ActionId is { } actionId
                ? new FindingAction(r.Finding.FindingId, actionId, r.ActionNumber!.Value, r.Activity!, r.Responsible!, r.Status!.Value, r.EndDate!.Value, r.CompletionEvidence, r.LatestUpdateOn, r.LatestUpdate, new ActionImpact(r.ImpactCheck, r.ImpactCheckBy, r.ImpactAccepted, r.CheckShowedImpact))
                : null)
            .OfType<FindingAction>()
            .ToList();

        // Findings are case data: reading them is recorded, with the reviews whose findings were shown.
        db.RecordEvent(AuditAction.Viewed, nameof(Domain.Reviews.Theme), id.ToString(), new { Page = findings.Number, Reviews = findings.Items.Select(f => f.ReviewId).Distinct() });
        await db.SaveChangesAsync();
        return View(new ThemeModel(theme, findings, reviews, years, actions.ToLookup(a => a.FindingId), DisplayDates.Today(clock)));
    }

    /// <summary>
    /// The reviews whose findings this person reads: board members only those published or shared
    /// with the board by the business unit (<see cref="CaseReview.FindingsOpenToBoardRule"/>).
    /// </summary>
    private IQueryable<CaseReview> ReviewsWhoseFindingsTheyRead() =>
        User.GetRole() == Role.BoardMember ? db.CaseReviews.Where(CaseReview.FindingsOpenToBoardRule) : db.CaseReviews;

    private async Task<ThemesModel> Model(ThemeForm form)
    {
        var counts = await (from ft in db.Set<FindingTheme>()
                            join f in db.Findings on ft.FindingId equals f.Id
                            join r in ReviewsWhoseFindingsTheyRead() on f.CaseReviewId equals r.Id
                            group ft by ft.ThemeId into g
                            select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
        return new ThemesModel(themes.Select(t => new ThemeRow(t.Id, t.Name, t.IsActive, counts.GetValueOrDefault(t.Id))).ToList(), form);
    }
}

public sealed record ThemeRow(Guid Id, string Name, bool IsActive, int Findings);

public sealed record ThemesModel(List<ThemeRow> Themes, ThemeForm Form);

public sealed record ThemeFinding(Guid ReviewId, Guid FindingId, string ReviewTitle, ReviewKind Kind, int Year, int Number, string Text, string? Recommendation, string? BoardResponse);

/// <summary>A page of a theme's findings, how many findings, reviews and years the theme spans in all, and the actions each finding on the page led to.</summary>
public sealed record ThemeModel(Theme Theme, Page<ThemeFinding> Findings, int Reviews, int Years, ILookup<Guid, FindingAction> Actions, DateOnly Today);

public static class ThemeDefaults
{
    /// <summary>Gives every partnership without themes the default list; an administrator changes it from there.</summary>
    public static async Task SeedThemesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().ActAsSystem(SystemActors.DefaultThemes);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var without = await db.Partnerships.Where(p => !db.Themes.Any(t => t.PartnershipId == p.Id)).Select(p => p.Id).ToListAsync();
        if (without.Count == 0)
        {
            return;
        }

        db.Themes.AddRange(without.SelectMany(p => Domain.Reviews.Theme.Defaults.Select(name => new Theme(p, name))));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time seeded them first.
        }
    }
}
