using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>How the partnership's reporting year runs (configuration section <c>Reporting</c>).</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>The month the reporting year starts in: 4, April, by default.</summary>
    public int YearStartMonth { get; set; } = ReportingYear.DefaultStartMonth;
}

public static class FigureSources
{
    /// <summary>
    /// Registers a capability's figures for the board's dashboard and the yearly report; they read
    /// every registered source and name no capability.
    /// </summary>
    public static IServiceCollection AddFigureSource<TSource>(this IServiceCollection services)
        where TSource : class, IFigureSource
    {
        services.AddScoped<IFigureSource, TSource>();
        services.TryAddScoped<YearFigures>();
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section)
            .Validate(o => o.YearStartMonth is >= 1 and <= 12, "Reporting:YearStartMonth must be a month from 1 to 12");
        return services;
    }
}
