using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>How the partnership's reporting year runs (configuration section <c>Reporting</c>).</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>The month the reporting year starts in: 4, April, by default.</summary>
    public int YearStartMonth { get; set; } = ReportingYear.DefaultStartMonth;

    /// <summary>Whether each of the three safeguarding partners approves the yearly report as well as the independent chair.</summary>
    public bool LeadPartnersApprove { get; set; }

    /// <summary>
    /// Days from publication within which the yearly report is sent to the Child Safeguarding Practice
    /// Review Panel and the What Works centre (Working Together to Safeguard Children 2023, chapter 2: seven).
    /// </summary>
    public int SendWithinDays { get; set; } = 7;
}

public static class FigureSources
{
    /// <summary>
    /// Registers a capability's figures for the board's dashboard and the yearly report; they read
    /// every registered source and name no capability. <paramref name="reads"/> lists every record
    /// the source reads (names included): a saved change to any of them makes the partnership's
    /// stored figures stale, as for deadlines (docs/adr/0008).
    /// </summary>
    public static IServiceCollection AddFigureSource<TSource>(this IServiceCollection services, params Type[] reads)
        where TSource : class, IFigureSource
    {
        services.AddScoped<IFigureSource, TSource>();
        services.AddSingleton(new FigureInputs(reads));
        services.TryAddScoped<YearFigures>();
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section)
            .Validate(o => o.YearStartMonth is >= 1 and <= 12, "Reporting:YearStartMonth must be a month from 1 to 12")
            .Validate(o => o.SendWithinDays is >= 1 and <= 90, "Reporting:SendWithinDays must be from 1 to 90");
        return services;
    }
}
