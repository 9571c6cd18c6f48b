using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Reporting;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Risks;

/// <summary>
/// The risk register's figures for a reporting year: risks raised in it (by the UK day they were
/// raised), closed in it, and open now; and the top open risks by score, with their owners. The
/// partners identify and respond to risks across the system (Working Together 2023, chapter 2).
/// Two commands whatever the number of risks.
/// </summary>
public sealed class RiskFigures(AppDbContext db) : IFigureSource
{
    public const string Key = "risks";

    /// <summary>How many open risks the section names.</summary>
    public const int TopRisks = 5;

    /// <summary>Raised on a UK day of the year.</summary>
    public static IQueryable<Risk> RaisedIn(IQueryable<Risk> risks, ReportingYear year)
    {
        var (from, before) = YearInUtc.Bounds(year);
        return risks.Where(r => r.RaisedAt >= from && r.RaisedAt < before);
    }

    /// <summary>Closed on a day of the year.</summary>
    public static IQueryable<Risk> ClosedIn(IQueryable<Risk> risks, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var starts = year.Starts;
        var ends = year.Ends;
        return risks.Where(r => r.ClosedOn >= starts && r.ClosedOn <= ends);
    }

    public async Task<FigureSection> ReadAsync(ReportingYear year, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        var (from, before) = YearInUtc.Bounds(year);
        var starts = year.Starts;
        var ends = year.Ends;
        var counts = await db.Risks.AsNoTracking()
            .GroupBy(r => 1)
            .Select(g => new
            {
                Raised = g.Count(r => r.RaisedAt >= from && r.RaisedAt < before),
                Closed = g.Count(r => r.ClosedOn >= starts && r.ClosedOn <= ends),
                Open = g.Count(r => r.Status == RiskStatus.Open),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var top = await (from r in db.Risks.AsNoTracking()
                         where r.Status == RiskStatus.Open
                         orderby r.Score descending, r.ReviewOn, r.Id
                         select new
                         {
                             r.Id,
                             r.Description,
                             r.OwnerName,
                             r.Likelihood,
                             r.Impact,
                             r.Score,
                             r.TargetScore,
                             Agency = db.PartnerAgencies.Where(a => a.Id == r.AgencyId).Select(a => a.Name).FirstOrDefault(),
                         }).Take(TopRisks).ToListAsync(cancellationToken);

        Figure[] figures =
        [
            new($"{Key}.raised", "Risks raised on the register in the year", counts?.Raised ?? 0, $"/risks?status=all&raised={year.Slug}", LinkPolicy: AccessPolicies.ViewRisks),
            new($"{Key}.closed", "Risks closed in the year", counts?.Closed ?? 0, $"/risks?status=closed&closedin={year.Slug}", LinkPolicy: AccessPolicies.ViewRisks),
            new($"{Key}.open", "Risks open now", counts?.Open ?? 0, "/risks?status=open", LinkPolicy: AccessPolicies.ViewRisks),
        ];
        var items = top.Select(r => new FigureItem(
            r.Description,
            $"Score {r.Score} ({RiskScore.Describe(RiskScore.BandOf(r.Score)).ToLowerInvariant()}: likelihood {r.Likelihood}, impact {r.Impact}), target {r.TargetScore}. Owner: {r.OwnerName}" + (r.Agency is null ? "." : $", {r.Agency}."),
            $"/risks/{r.Id}",
            AccessPolicies.ViewRisks)).ToList();
        return new FigureSection(Key, "Risks", 90, figures, items, []);
    }
}
