using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>The improvement plan's reads for the task list and the plan's page, each a few queries however many rows.</summary>
internal static class ImprovementPlanReads
{
    /// <summary>The actions made from the agency's previous return in this partnership, with each one's latest update.</summary>
    public static async Task<LastCycleActions?> LastCycleAsync(AppDbContext db, PreviousReturn? previous, DateOnly today)
    {
        if (previous is null)
        {
            return null;
        }

        var rows = await (from g in db.GapActions.AsNoTracking()
                          where g.SelfAssessmentReturnId == previous.Id
                          join a in db.ImprovementActions.AsNoTracking() on g.ImprovementActionId equals a.Id
                          orderby a.Number
                          select new LastCycleActionRow(a.Id, a.Number, a.Activity, a.Status, a.EndDate,
                              db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => u.WhatWasDone).FirstOrDefault(),
                              db.ProgressUpdates.Where(u => u.ImprovementActionId == a.Id).OrderByDescending(u => u.WrittenAt).Select(u => (DateOnly?)u.WrittenOn).FirstOrDefault()))
            .ToListAsync();
        return rows.Count == 0 ? null : new LastCycleActions(previous.Window, rows, today);
    }

    /// <summary>What the task list shows of the return's improvement.</summary>
    public static async Task<ReturnImprovement> ForTaskListAsync(AppDbContext db, Guid? agency, AssessmentCycle cycle, RatingScale scale, Guid? returnId, bool editable, DateOnly today)
    {
        var previous = await OwnReturns.PreviousAsync(db, agency, cycle.Kind, cycle.Window);
        var answers = await db.ReturnAnswers.AsNoTracking().Where(a => returnId != null && a.SelfAssessmentReturnId == returnId)
            .Select(a => new { a.Rating, a.AreasForImprovement }).ToListAsync();
        var actioned = returnId is null ? 0 : await db.GapActions.CountAsync(g => g.SelfAssessmentReturnId == returnId);
        return new ReturnImprovement(
            cycle.Id,
            editable,
            previous,
            editable && previous is not null && answers.Count == 0,
            Guid.NewGuid(),
            answers.Count(a => ImprovementPlan.IsGap(scale, a.Rating, a.AreasForImprovement)),
            actioned,
            await LastCycleAsync(db, previous, today));
    }
}
