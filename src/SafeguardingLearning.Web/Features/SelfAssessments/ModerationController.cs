using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Features.Access;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>
/// Moderating a return for the partnership: the business unit moderates any return of the
/// partnership; an agency lead only the returns assigned to them (peer challenge). Per standard a
/// moderated rating and feedback; then the outcome — accepted, or returned with what must change.
/// Each partnership moderates its share of a return independently. Section 11 of the Children Act
/// 2004 (Working Together to Safeguard Children 2023, chapter 2); sections 175 and 157 of the
/// Education Act 2002.
/// </summary>
[Authorize(Policy = AccessPolicies.ModerateReturns)]
public sealed class ModerationController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/self-assessments/moderation")]
    public async Task<IActionResult> Index(int? page)
    {
        var me = User.GetUserId();
        var peer = User.GetRole() == Role.AgencyLead;
        var rows = await (
            from s in db.ReturnShares.AsNoTracking()
            join c in db.AssessmentCycles on s.AssessmentCycleId equals c.Id
            join a in db.PartnerAgencies on s.AgencyId equals a.Id
            where s.State != ReturnState.Draft
                && (!peer || db.ModeratorAssignments.Any(m => m.AssessmentCycleId == s.AssessmentCycleId && m.AgencyId == s.AgencyId && m.ModeratorUserId == me))
            orderby s.ReceivedAt descending, a.Name
            select new ReturnToModerate(s.Id, a.Name, c.Title, s.State, s.ReceivedAt)).ToPageAsync(page);
        return View("ToModerate", rows);
    }

    [HttpGet("/self-assessments/moderation/{shareId:guid}")]
    public async Task<IActionResult> Moderate(Guid shareId)
    {
        var share = await Share(shareId);
        if (share is null)
        {
            return NotFound();
        }

        return View(await Page(share, null, null));
    }

    [HttpPost("/self-assessments/moderation/{shareId:guid}")]
    public async Task<IActionResult> Moderate(Guid shareId, [Bind(Prefix = "Form")] ModerationForm form, [FromServices] IValidator<ModerationForm> validator)
    {
        var share = await Share(shareId);
        if (share is null)
        {
            return NotFound();
        }

        var whole = await Return(share.SelfAssessmentReturnId);
        var keys = await StandardKeys(share.AssessmentCycleId);
        var step = new FormStep("Form") { Section = "moderation", Record = whole, Version = form.Version };
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            var broken = new List<DomainRuleException>();
            for (var i = 0; i < form.Standards.Count; i++)
            {
                var entered = form.Standards[i];
                try
                {
                    whole.ModerateStandard(share.PartnershipId, keys, entered.Key ?? string.Empty, entered.Rating, entered.Feedback, User.GetUserId()!, clock.GetUtcNow().UtcDateTime);
                }
                catch (DomainRuleException rule)
                {
                    var index = i;
                    broken.AddRange(rule.All
                        .Where(r => r.Field is not null || broken.All(b => b.Message != r.Message))
                        .Select(r => new DomainRuleException(r.Message, r.Field is null ? null : $"{nameof(ModerationForm.Standards)}[{index}].{r.Field}")));
                }
            }

            DomainRuleException.ThrowIfAny(broken);
            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = "Your moderated ratings and feedback have been saved.";
            return Redirect($"/self-assessments/moderation/{shareId}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await Page(share, form, null, outcome == FormOutcome.Stale));
    }

    [HttpPost("/self-assessments/moderation/{shareId:guid}/outcome")]
    public async Task<IActionResult> Outcome(Guid shareId, [Bind(Prefix = "Outcome")] OutcomeForm form, [FromServices] IValidator<OutcomeForm> validator)
    {
        var share = await Share(shareId);
        if (share is null)
        {
            return NotFound();
        }

        var whole = await Return(share.SelfAssessmentReturnId);
        var step = new FormStep("Outcome")
        {
            Section = "outcome",
            Record = whole,
            Version = form.Version,
            Fields = new Dictionary<string, string> { [nameof(RequiredChange.WhatMustChange)] = $"{nameof(OutcomeForm.Changes)}[0].{nameof(ChangeForm.WhatMustChange)}" },
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await ModelState.Submit(db, step, await validator.ValidateAsync(form), () =>
        {
            if (form.Decision == OutcomeForm.Accept)
            {
                whole.Accept(share.PartnershipId, User.GetUserId()!, now);
            }
            else
            {
                var changes = form.Changes.Where(c => !string.IsNullOrWhiteSpace(c.WhatMustChange)).Select(c => new ChangeRequest(c.Key, c.WhatMustChange)).ToList();
                whole.ReturnForChanges(share.PartnershipId, changes, User.GetUserId()!, now);
            }

            return Task.CompletedTask;
        });
        if (outcome == FormOutcome.Saved)
        {
            TempData["Notice"] = form.Decision == OutcomeForm.Accept
                ? "The return has been accepted."
                : "The return has been sent back to the agency with what must change.";
            return Redirect($"/self-assessments/moderation/{shareId}");
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Moderate), await Page(share, null, form, outcome == FormOutcome.Stale));
    }

    /// <summary>
    /// The share, if this person may moderate it: the business unit any of the partnership's (the
    /// data layer shows no other partnership's); an agency lead only one assigned to them, never
    /// their own agency's (the data layer shows them no other agency's unless assigned).
    /// </summary>
    private async Task<ReturnShare?> Share(Guid shareId)
    {
        var me = User.GetUserId();
        var share = await db.ReturnShares.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shareId && s.State != ReturnState.Draft);
        if (share is null)
        {
            return null;
        }

        if (User.GetRole() == Role.AgencyLead
            && !await db.ModeratorAssignments.AnyAsync(m => m.AssessmentCycleId == share.AssessmentCycleId && m.AgencyId == share.AgencyId && m.ModeratorUserId == me))
        {
            return null;
        }

        return share;
    }

    /// <summary>The return as this partnership sees it, with its share here and that share's moderation and history.</summary>
    private async Task<SelfAssessmentReturn> Return(Guid returnId) =>
        await db.SelfAssessmentReturns
            .Include(r => r.Shares).ThenInclude(s => s.Moderated)
            .Include(r => r.Shares).ThenInclude(s => s.Changes)
            .Include(r => r.Shares).ThenInclude(s => s.Events)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == returnId);

    private async Task<List<string>> StandardKeys(Guid cycleId) =>
        await db.AssessmentCycles.Where(c => c.Id == cycleId)
            .Join(db.FrameworkStandards, c => c.FrameworkVersionId, s => s.FrameworkVersionId, (c, s) => s.Key)
            .ToListAsync();

    private async Task<ModerationPageModel> Page(ReturnShare share, ModerationForm? form, OutcomeForm? outcome, bool stale = false)
    {
        db.ChangeTracker.Clear();
        var cycle = await db.AssessmentCycles.AsNoTracking().SingleAsync(c => c.Id == share.AssessmentCycleId);
        var version = await db.FrameworkVersions.AsNoTracking().Include(v => v.Standards).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleAsync(v => v.Id == cycle.FrameworkVersionId);
        var whole = await db.SelfAssessmentReturns.Include(r => r.Answers).SingleAsync(r => r.Id == share.SelfAssessmentReturnId);
        var token = ConcurrencyTokens.Read(db.Entry(whole));
        var agency = await db.PartnerAgencies.AsNoTracking().Where(a => a.Id == share.AgencyId).Select(a => a.Name).SingleAsync();
        var moderated = await db.ModeratedStandards.AsNoTracking().Where(m => m.ReturnShareId == share.Id && m.IsCurrent).ToListAsync();
        var events = await db.ReturnShareEvents.AsNoTracking().Where(e => e.ReturnShareId == share.Id).OrderBy(e => e.At).ThenBy(e => e.Submission).ToListAsync();
        var changes = await db.RequiredChanges.AsNoTracking().Where(c => c.ReturnShareId == share.Id).ToListAsync();
        var moderator = await db.ModeratorAssignments.AsNoTracking().Where(m => m.AssessmentCycleId == share.AssessmentCycleId && m.AgencyId == share.AgencyId)
            .Select(m => m.ModeratorUserId).SingleOrDefaultAsync();
        var userIds = events.Select(e => e.ByUserId).Append(moderator).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var titles = version.Standards.ToDictionary(s => s.Key, s => $"Standard {s.Position}: {s.Title}");

        var standards = version.Standards.OrderBy(s => s.Position).Select(s => new StandardToModerate(s.Position, s.Key, s.Title, [.. s.Questions.Select(q =>
        {
            var localTo = q.IsLocal ? version.PartnershipId : (Guid?)null;
            var a = whole.Answers.FirstOrDefault(x => x.QuestionKey == q.Key && x.LocalTo == localTo);
            return new AnswerSummary(q.Text, q.IsLocal, a?.Rating is { } r ? RatingScales.Label(version.Scale, r) : null, a?.NotApplicableReason, a?.Evidence, a?.AreasForImprovement, false);
        })], moderated.FirstOrDefault(m => m.StandardKey == s.Key)?.Round)
        {
            LatestRating = moderated.FirstOrDefault(m => m.StandardKey == s.Key) is { } latest ? RatingScales.Label(version.Scale, latest.Rating) : null,
            LatestFeedback = moderated.FirstOrDefault(m => m.StandardKey == s.Key)?.Feedback,
        }).ToList();

        form ??= new ModerationForm();
        form.Standards = [.. standards.Select(s => form.Standards.FirstOrDefault(f => f.Key == s.Key)
            ?? (moderated.FirstOrDefault(m => m.StandardKey == s.Key && m.Round == whole.Submissions) is { } m
                ? new StandardModerationForm { Key = s.Key, Rating = m.Rating, Feedback = m.Feedback }
                : new StandardModerationForm { Key = s.Key }))];
        outcome ??= new OutcomeForm();
        outcome.Changes = [.. standards.Select(s => outcome.Changes.FirstOrDefault(c => c.Key == s.Key) ?? new ChangeForm { Key = s.Key })];
        if (stale || form.Version is null)
        {
            form.Version = token;
        }

        if (stale || outcome.Version is null)
        {
            outcome.Version = token;
        }

        var history = events.Select(e => new HistoryItem(e.At, e.Kind switch
        {
            ShareEventKind.Submitted => $"Submitted (submission {e.Submission})",
            ShareEventKind.Resubmitted => $"Resubmitted (submission {e.Submission})",
            ShareEventKind.Returned => $"Returned for changes (submission {e.Submission})",
            _ => $"Accepted (submission {e.Submission})",
        }, e.ByUserId is { } by ? names.GetValueOrDefault(by, "Someone no longer with the partnership") : null,
            e.Kind == ShareEventKind.Returned
                ? [.. changes.Where(c => c.Submission == e.Submission).OrderBy(c => c.StandardKey is { } k && titles.ContainsKey(k) ? version.Standards.First(s => s.Key == k).Position : 0)
                    .Select(c => $"{(c.StandardKey is { } k ? titles.GetValueOrDefault(k, k) : "The return")}: {c.WhatMustChange}")]
                : [])).ToList();

        return new ModerationPageModel(share.Id, cycle.Id, cycle.Title, agency, share.State, share.ReceivedSubmission, whole.DeclaredByName is { } n ? $"{n}, {whole.DeclaredByJobTitle}" : null,
            standards, history, StandardPageModel.RatingsOf(version.Scale), moderator is null ? null : names.GetValueOrDefault(moderator),
            User.GetRole() == Role.BusinessUnit, form, outcome);
    }
}
