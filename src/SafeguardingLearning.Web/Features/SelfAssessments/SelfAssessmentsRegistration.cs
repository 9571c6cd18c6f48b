using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

public static class SelfAssessmentsRegistration
{
    /// <summary>
    /// Section 11 and Section 175/157 self-assessments: frameworks, the partnership's own versions of
    /// them and the cycles the business unit opens; agencies' returns, and their improvement plans,
    /// whose actions join the partnership's action plans as a learning source of their own.
    /// Invitations, reminders and returns' deadlines join the deadline contract when agencies fill
    /// returns in.
    /// </summary>
    public static WebApplicationBuilder AddSelfAssessments(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ILearningSourceKind, SelfAssessmentLearningSource>();
        builder.Services.TryAddScoped<LearningSources>();
        return builder;
    }
}

/// <summary>
/// An agency's improvement plan from its self-assessment as the source of actions: the return's
/// share with the partnership, named by the agency, the kind of assessment and its year.
/// </summary>
public sealed class SelfAssessmentLearningSource(AppDbContext db) : ILearningSourceKind
{
    public string Kind => ImprovementPlan.SourceKind;

    public string Describe => "Self-assessment";

    public async Task<IReadOnlyDictionary<Guid, LearningSourceSummary>> DescribeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var shares = await (from s in db.ReturnShares.AsNoTracking()
                            where ids.Contains(s.Id)
                            join r in db.SelfAssessmentReturns.AsNoTracking() on s.SelfAssessmentReturnId equals r.Id
                            join a in db.PartnerAgencies.AsNoTracking() on r.AgencyId equals a.Id
                            select new { s.Id, Agency = a.Name, r.Kind, r.Window })
            .ToListAsync(cancellationToken);
        return shares.ToDictionary(s => s.Id, s => new LearningSourceSummary($"{s.Agency}: {FrameworkKinds.Describe(s.Kind)} self-assessment {s.Window}", null));
    }
}
