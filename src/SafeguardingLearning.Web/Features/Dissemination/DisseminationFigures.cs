using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Dissemination;

/// <summary>
/// The dissemination figures for a reporting year: the learning disseminated in it (by the day it was
/// sent), the agencies it went to and how many confirmed it arrived, and how they used it, read as
/// the reach page reads confirmations (a confirmation counts once it says when the learning arrived;
/// its use is the one it gives). Partners make sure learning is shared and acted on (Working Together
/// 2023, chapter 5). The records hold no count of people reached or trained: the figures count
/// agencies and records, not people. Two commands whatever the number of records.
/// </summary>
public sealed class DisseminationFigures(AppDbContext db) : IFigureSource
{
    public const string Key = "dissemination";

    /// <summary>The learning disseminated in the year: the records the list shows for <c>?year=</c>.</summary>
    public static IQueryable<DisseminationRecord> In(IQueryable<DisseminationRecord> records, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var starts = year.Starts;
        var ends = year.Ends;
        return records.Where(d => d.DisseminatedOn >= starts && d.DisseminatedOn <= ends);
    }

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var records = In(db.DisseminationRecords.AsNoTracking(), year);
        var disseminated = await records.CountAsync(cancellationToken);

        // One row per agency sent any of the year's learning: what it was sent, confirmed and how it used it.
        var agencies = await (from c in db.DisseminationConfirmations.AsNoTracking()
                              join d in records on c.DisseminationRecordId equals d.Id
                              group c by c.AgencyId into g
                              select new
                              {
                                  SentTo = g.Count(),
                                  Confirmed = g.Count(x => x.ReceivedOn != null),
                                  Shared = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.SharedInTeamMeetings),
                                  Training = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.IncludedInTraining),
                                  Procedure = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.ProcedureChanged),
                                  Other = g.Count(x => x.ReceivedOn != null && x.Use == LearningUse.Other),
                              }).ToListAsync(cancellationToken);

        var link = $"/dissemination?year={year.Slug}";
        var sent = agencies.Sum(a => a.SentTo);
        var confirmed = agencies.Sum(a => a.Confirmed);
        Figure[] figures =
        [
            new($"{Key}.records", "Learning disseminated in the year", disseminated, link, LinkPolicy: AccessPolicies.ViewDisseminations),
            new($"{Key}.agencies-sent", "Agencies the year's learning was sent to", agencies.Count),
            new($"{Key}.agencies-confirmed", "Agencies that confirmed receiving the year's learning", agencies.Count(a => a.Confirmed > 0), OutOf: agencies.Count),
            new($"{Key}.confirmations", "Confirmations that the year's learning arrived, of those asked for", confirmed, OutOf: sent),
            new($"{Key}.used.shared-in-team-meetings", "Confirmations: shared in team meetings", agencies.Sum(a => a.Shared)),
            new($"{Key}.used.included-in-training", "Confirmations: included in training", agencies.Sum(a => a.Training)),
            new($"{Key}.used.procedure-changed", "Confirmations: procedure changed", agencies.Sum(a => a.Procedure)),
            new($"{Key}.used.other", "Confirmations: used in another way", agencies.Sum(a => a.Other)),
        ];
        return new FigureSection(Key, "Dissemination of learning", 80, figures, [], []);
    }
}
