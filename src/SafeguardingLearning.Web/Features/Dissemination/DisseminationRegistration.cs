using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.Dissemination;

public static class DisseminationRegistration
{
    /// <summary>Dissemination of learning to the partner agencies, and each agency's confirmation of how it was used.</summary>
    public static WebApplicationBuilder AddDissemination(this WebApplicationBuilder builder)
    {
        builder.Services.AddDeadlineSource<DisseminationDeadlines>(typeof(DisseminationRecord), typeof(DisseminationConfirmation));
        builder.Services.TryAddScoped<LearningSources>();
        builder.Services.AddFigureSource<DisseminationFigures>(typeof(DisseminationRecord), typeof(DisseminationConfirmation));
        return builder;
    }
}

/// <summary>
/// Every agency that has not yet confirmed a dissemination owes a confirmation: one deadline per agency,
/// owned by its leads. One query, however many disseminations there are; an agency lead sees only their
/// own agency's (the data layer's filter on confirmations).
/// </summary>
public sealed class DisseminationDeadlines(AppDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenAsync(WorkingDayCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await (from c in db.DisseminationConfirmations.AsNoTracking()
                          where c.ReceivedOn == null
                          join d in db.DisseminationRecords.AsNoTracking() on c.DisseminationRecordId equals d.Id
                          select new { Record = d, Confirmation = c })
            .ToListAsync(cancellationToken);
        return [.. open.SelectMany(x => x.Record.OpenDeadlines([x.Confirmation]))];
    }
}
