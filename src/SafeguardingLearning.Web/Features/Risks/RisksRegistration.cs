using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Risks;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Risks;

public static class RisksRegistration
{
    /// <summary>
    /// The risk register: risks join the partnership's action plans as a learning source of their own
    /// (a risk's mitigating actions), and each open risk's review date is a deadline of the business
    /// unit's (with the records it reads, so a saved change marks the stored deadlines stale, docs/adr/0008).
    /// </summary>
    public static WebApplicationBuilder AddRisks(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ILearningSourceKind, RiskLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddDeadlineSource<RiskReviewDeadlines>(typeof(Risk));
        builder.Services.AddFigureSource<RiskFigures>(typeof(Risk), typeof(PartnerAgency));
        return builder;
    }
}

/// <summary>A risk as the source of an action plan: its mitigating actions. Named by its description.</summary>
public sealed class RiskLearningSource(AppDbContext db) : ILearningSourceKind
{
    public const string SourceKind = "risk";

    public string Kind => SourceKind;

    public string Describe => "Risk";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var risks = await db.Risks.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Description }).ToListAsync(cancellationToken);
        return risks.ToDictionary(r => r.Id, r => new LearningSourceSummary(Risk.Name(r.Description), $"/risks/{r.Id}"));
    }
}

/// <summary>Each open risk's review, due on its review date (<see cref="Risk.ReviewDeadline"/>): one query however many risks.</summary>
public sealed class RiskReviewDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await db.Risks.AsNoTracking().Where(r => r.Status == RiskStatus.Open).ToListAsync(cancellationToken);
        return [.. open.Select(r => r.ReviewDeadline()).OfType<Deadline>()];
    }
}
