using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>How many agencies' returns stand at each rating for one standard, and the reader's own agency's.</summary>
public sealed record SummaryStandard(int Number, string Title, IReadOnlyList<(string Rating, int Agencies)> Ratings, int NotRated, string? Yours);

public sealed record PartnershipSummaryModel(Guid CycleId, string Title, FrameworkKind Kind, string Window, RatingScale Scale, int Invited, int Received, IReadOnlyList<SummaryStandard> Standards);

/// <summary>
/// The partnership-wide summary an agency lead reads for a cycle that invites their agency: per
/// standard, how many of the returns the partnership has received stand at each rating, beside their
/// own agency's (the partnership's moderated rating once recorded, else the agency's own). It names
/// no agency and shows no other agency's answers.
/// </summary>
[Authorize(Policy = AccessPolicies.ViewOwnSelfAssessments)]
public sealed class PartnershipSummaryController(AppDbContext db) : Controller
{
    [HttpGet("/self-assessments/returns/{cycleId:guid}/summary")]
    public async Task<IActionResult> Summary(Guid cycleId)
    {
        var agency = User.GetAgencyId();
        var partnership = User.GetPartnershipId();
        var cycle = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Id == cycleId && c.Invitees.Any(i => i.AgencyId == agency))
            .Select(c => new
            {
                c.Title,
                c.Kind,
                c.Window,
                c.FrameworkVersionId,
                Scale = db.FrameworkVersions.Where(v => v.Id == c.FrameworkVersionId).Select(v => v.Scale).First(),
                Invited = db.CycleInvitees.Count(i => i.AssessmentCycleId == c.Id),
            })
            .SingleOrDefaultAsync();
        if (cycle is null || partnership is null)
        {
            return NotFound();
        }

        // Every agency's ratings, counted here and never shown one by one: the data layer would show
        // an agency lead only their own agency's, so this one read sets the partnership and the cycle itself.
        var ratings = await (
            from s in db.ReturnShares.IgnoreQueryFilters()
            where s.PartnershipId == partnership && s.AssessmentCycleId == cycleId && s.State != ReturnState.Draft
            join a in db.ReceivedAnswers.IgnoreQueryFilters() on s.Id equals a.ReturnShareId
            join q in db.FrameworkQuestions on new { Version = cycle.FrameworkVersionId, a.QuestionKey } equals new { Version = q.FrameworkVersionId, QuestionKey = q.Key }
            join st in db.FrameworkStandards on q.FrameworkStandardId equals st.Id
            select new { s.AgencyId, st.Position, st.Title, a.Rating }).ToListAsync();
        var moderated = await (
            from m in db.ModeratedStandards.IgnoreQueryFilters()
            where m.PartnershipId == partnership && m.IsCurrent
            join s in db.ReturnShares.IgnoreQueryFilters() on m.ReturnShareId equals s.Id
            where s.AssessmentCycleId == cycleId && s.State != ReturnState.Draft
            select new { s.AgencyId, m.StandardKey, m.Rating }).ToListAsync();
        var standards = await db.FrameworkStandards.AsNoTracking().Where(s => s.FrameworkVersionId == cycle.FrameworkVersionId)
            .OrderBy(s => s.Position).Select(s => new { s.Key, s.Position, s.Title }).ToListAsync();
        var byAgency = ratings.GroupBy(r => r.AgencyId).ToList();
        var values = StandardRatings.LowestFirst(cycle.Scale).Select(v => v.Code).Append(RatingScales.NotApplicable).ToList();
        var rows = standards.Select(standard =>
        {
            // The rating the partnership stands by: its moderated one once recorded, else the agency's own.
            var each = byAgency.Select(g => (g.Key, Rating: moderated.FirstOrDefault(m => m.AgencyId == g.Key && m.StandardKey == standard.Key)?.Rating
                ?? StandardRatings.Weakest(cycle.Scale, [.. g.Where(r => r.Position == standard.Position).Select(r => r.Rating)]))).ToList();
            return new SummaryStandard(
                standard.Position,
                standard.Title,
                [.. values.Select(v => (RatingScales.Label(cycle.Scale, v), each.Count(e => e.Rating == v)))],
                each.Count(e => e.Rating is null),
                each.FirstOrDefault(e => e.Key == agency).Rating is { } yours ? RatingScales.Label(cycle.Scale, yours) : null);
        }).ToList();
        return View(new PartnershipSummaryModel(cycleId, cycle.Title, cycle.Kind, cycle.Window, cycle.Scale, cycle.Invited, byAgency.Count, rows));
    }
}
