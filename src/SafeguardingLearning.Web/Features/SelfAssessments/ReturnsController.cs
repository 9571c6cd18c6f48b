using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// An agency lead's self-assessments: the cycles of the partnership they are working in that invite
/// their agency, and each one's task list, a standard per task with where the agency's return
/// stands; each task leads to the standard's page (FillInController).
/// </summary>
[Authorize(Policy = AccessPolicies.ViewOwnSelfAssessments)]
public sealed class ReturnsController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/self-assessments/returns")]
    public async Task<IActionResult> Index()
    {
        var agency = User.GetAgencyId();
        var cycles = await db.AssessmentCycles.AsNoTracking()
            .Where(c => c.Invitees.Any(i => i.AgencyId == agency))
            .OrderByDescending(c => c.DueOn)
            .Select(c => new OwnCycleRow(c.Id, c.Title, c.Kind, c.OpensOn, c.DueOn,
                db.ReturnShares.Where(s => s.AssessmentCycleId == c.Id && s.AgencyId == agency).Select(s => (ReturnState?)s.State).FirstOrDefault()))
            .ToListAsync();
        return View("Returns", cycles);
    }

    [HttpGet("/self-assessments/returns/{cycleId:guid}")]
    public async Task<IActionResult> TaskList(Guid cycleId)
    {
        var agency = User.GetAgencyId();
        var cycle = await db.AssessmentCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId && c.Invitees.Any(i => i.AgencyId == agency));
        if (cycle is null)
        {
            return NotFound();
        }

        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleAsync(v => v.Id == cycle.FrameworkVersionId);
        var share = await db.ReturnShares.AsNoTracking().SingleOrDefaultAsync(s => s.AssessmentCycleId == cycleId && s.AgencyId == agency);
        var answers = share is null ? [] : await db.ReturnAnswers.AsNoTracking().Where(a => a.SelfAssessmentReturnId == share.SelfAssessmentReturnId)
            .Select(a => new { a.QuestionKey, a.LocalTo, a.Rating, a.NotApplicableReason, a.IsConfirmed })
            .ToListAsync();
        var answerStates = answers.Select(a => new AnswerState(new ReturnQuestion(a.QuestionKey, a.LocalTo), a.Rating == RatingScales.NotApplicable ? a.NotApplicableReason is not null : a.Rating is not null, a.IsConfirmed)).ToList();
        var declared = share is not null && await db.SelfAssessmentReturns.AsNoTracking().AnyAsync(r => r.Id == share.SelfAssessmentReturnId && r.DeclaredByName != null);
        var tasks = version.Standards.Select(s =>
        {
            var questions = s.Questions.Select(q => new ReturnQuestion(q.Key, q.IsLocal ? version.PartnershipId : null)).ToList();
            return new StandardTask(s.Position, s.Title, questions.Count, ReturnProgress.Of(questions, answerStates));
        }).ToList();
        // Where the agency's own return stands with each partnership it is shared with: the lead
        // submits it to all of them at once, so sees each one's state.
        var states = share is null ? [] : await (
            from s in db.ReturnShares.IgnoreQueryFilters()
            join p in db.Partnerships.IgnoreQueryFilters() on s.PartnershipId equals p.Id
            where s.SelfAssessmentReturnId == share.SelfAssessmentReturnId && s.AgencyId == agency
            orderby p.Name
            select new PartnershipState(p.Name, s.State)).ToListAsync();
        var editable = states.Count == 0 || states.Any(p => ReturnStates.WithAgency(p.State));
        return View(new TaskListModel(cycle.Id, cycle.Title, cycle.Kind, cycle.DueOn, version.Name, version.Scale, share?.State, tasks, declared)
        {
            Partnerships = states,
            Improvement = await ImprovementPlanReads.ForTaskListAsync(db, agency, cycle, version.Scale, share?.SelfAssessmentReturnId, editable, DisplayDates.Today(clock)),
            JustSubmitted = TempData["Submitted"] is "true",
        });
    }
}

public sealed record OwnCycleRow(Guid Id, string Title, FrameworkKind Kind, DateOnly OpensOn, DateOnly DueOn, ReturnState? State);

public sealed record StandardTask(int Position, string Title, int Questions, StandardProgress Progress);

public sealed record PartnershipState(string Partnership, ReturnState State);

public sealed record TaskListModel(Guid CycleId, string Title, FrameworkKind Kind, DateOnly DueOn, string FrameworkName, RatingScale Scale, ReturnState? State, IReadOnlyList<StandardTask> Tasks, bool Declared)
{
    public IReadOnlyList<PartnershipState> Partnerships { get; init; } = [];

    public bool JustSubmitted { get; init; }

    /// <summary>Starting from last year's answers, the improvement plan and last year's actions.</summary>
    public ReturnImprovement? Improvement { get; init; }

    /// <summary>Whether the agency can still change and submit it: not started, or some partnership still waiting for it.</summary>
    public bool Editable => Partnerships.Count == 0 || Partnerships.Any(p => ReturnStates.WithAgency(p.State));

    public int Completed => Tasks.Count(t => t.Progress == StandardProgress.Completed);
}
