using SafeguardingLearning.Web.Domain.Deadlines;

namespace SafeguardingLearning.Web.Features.Shared;

public static class DeadlineSources
{
    /// <summary>
    /// Registers a capability's deadline source with the records it reads: a saved change to any of
    /// them marks the partnership's stored deadlines stale (docs/adr/0008), so list every record whose
    /// fields reach a deadline, its name or its details.
    /// </summary>
    public static IServiceCollection AddDeadlineSource<TSource>(this IServiceCollection services, params Type[] reads)
        where TSource : class, IDeadlineSource
    {
        services.AddScoped<IDeadlineSource, TSource>();
        services.AddSingleton(new DeadlineInputs(reads));
        return services;
    }
}
