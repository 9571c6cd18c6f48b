using System.Globalization;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.DataReturns;

/// <summary>An agency lead's quarterly return as typed: each own indicator's value by code, the ticks for values checked although outside the expected range, and the story behind the data.</summary>
public sealed class DataReturnForm
{
    public const string SaveAction = "save";
    public const string SubmitAction = "submit";

    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    public List<string> Checked { get; set; } = [];

    public string? Shows { get; set; }

    public string? Why { get; set; }

    public string? Worries { get; set; }

    public string? Doing { get; set; }

    public string? Version { get; set; }

    public string? Action { get; set; }

    public DataStory Story => new(Shows, Why, Worries, Doing);

    /// <summary>A number as people type it: "1,204", "23.5", "23.5%"; none when it is not one.</summary>
    public static decimal? Number(string? typed)
    {
        var text = typed?.Trim().TrimEnd('%').Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static string Typed(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>The business unit's question about one value.</summary>
public sealed class ValueQueryForm
{
    public Guid IndicatorId { get; set; }

    public string? Query { get; set; }

    public string? Version { get; set; }
}

/// <summary>The agency's answer to a question about one of its values, with a corrected value if it is wrong.</summary>
public sealed class ValueAnswerForm
{
    public string? Code { get; set; }

    public string? Answer { get; set; }

    public string? Corrected { get; set; }

    public string? Version { get; set; }
}

/// <summary>One indicator's row on an agency's return form.</summary>
public sealed record ReturnRow(
    Indicator Indicator,
    string FieldName,
    string Typed,
    decimal? Saved,
    bool Checked,
    bool OutsideRange,
    ValueQueryState QueryState,
    string? Query,
    string? Answer)
{
    public string ExpectedRange => (Indicator.ExpectedMin, Indicator.ExpectedMax) switch
    {
        ({ } min, { } max) => $"{Indicators.Format(min, Indicator.Unit)} to {Indicators.Format(max, Indicator.Unit)}",
        ({ } min, null) => $"{Indicators.Format(min, Indicator.Unit)} or more",
        (null, { } max) => $"up to {Indicators.Format(max, Indicator.Unit)}",
        _ => "any",
    };
}

public sealed record AgencyReturnModel(
    FinancialQuarter Quarter,
    DateOnly DueOn,
    bool Locked,
    string AgencyName,
    DataReturnState? State,
    DateTime? SubmittedAt,
    IReadOnlyList<ReturnRow> Rows,
    DataReturnForm Form,
    IReadOnlyList<string> UploadErrors)
{
    public bool IsEditable => !Locked && State is null or DataReturnState.Draft;
}

public sealed record QuarterSummary(FinancialQuarter Quarter, DateOnly DueOn, bool Locked, int Submitted, int Owners, DataReturnState? OwnState);

public sealed record IndicatorRow(Guid Id, string Code, string Name, IndicatorPart Part, string? Theme, AccountabilityQuestion Question, IndicatorUnit Unit, Polarity Polarity, decimal? Target, string Owner);

public sealed record DataIndexModel(bool IsAgencyLead, bool MayManage, string? AgencyName, int OwnIndicators, IReadOnlyList<QuarterSummary> Quarters, IReadOnlyList<IndicatorRow> Dataset, bool MayReadReturns = true);

public sealed record AgencyStanding(Guid AgencyId, string Name, DataReturnState? State, DateTime? SubmittedAt, bool Late, int OpenQueries);

public sealed record QuarterValue(string Indicator, string Agency, Guid? AgencyId, string? Value, RagRating Rag, ValueQueryState QueryState);

public sealed record QuarterModel(FinancialQuarter Quarter, DateOnly DueOn, bool Ended, bool Locked, DateTime? LockedAt, bool MayManage, IReadOnlyList<AgencyStanding> Agencies, IReadOnlyList<QuarterValue> Values, (decimal? Value, int Sent, int OnTime) RapidReviews);

public sealed record ValueHistoryRow(DateTime At, string What, string? Value, string? Note, string By);

public sealed record AgencyValueRow(Indicator Indicator, decimal? Value, RagRating Rag, bool CheckedOutOfRange, ValueQueryState QueryState, string? Query, string? Answer, IReadOnlyList<ValueHistoryRow> History);

public sealed record AgencyReturnReadModel(FinancialQuarter Quarter, string AgencyName, Guid AgencyId, bool Locked, bool MayQuery, DataReturnState? State, DateTime? SubmittedAt, DataStory? Story, string? Version, IReadOnlyList<AgencyValueRow> Rows, ValueQueryForm Form);

public sealed class ScorecardFilter
{
    public string? Quarter { get; set; }

    /// <summary>"A" (core) or "B" (thematic); anything else is every part.</summary>
    public string? Part { get; set; }

    public IndicatorPart? PartAsked => Part?.Trim().ToUpperInvariant() switch
    {
        "A" => IndicatorPart.Core,
        "B" => IndicatorPart.Thematic,
        _ => null,
    };

    public Guid? Agency { get; set; }

    public string? Theme { get; set; }
}

public sealed record AgencyChoice(Guid Id, string Name);

/// <param name="Missing">What the Value cell says when there is no value: not submitted, or none to count.</param>
public sealed record ScorecardRow(Guid Id, string Name, IndicatorPart Part, string? Theme, string Owner, string? Value, string Missing, string? Target, RagRating Rag, Direction Direction, string? Change);

public sealed record ScorecardModel(FinancialQuarter Quarter, bool IsLastEnded, ScorecardFilter Filter, IReadOnlyList<ScorecardRow> Rows, IReadOnlyList<AgencyChoice> Agencies, IReadOnlyList<string> Themes, IReadOnlyList<FinancialQuarter> Quarters);

public sealed record QuarterPoint(FinancialQuarter Quarter, decimal Value, DateTime? SubmittedAt);

public sealed record QuarterStory(FinancialQuarter Quarter, DataStory Story);

public sealed record IndicatorValueRow(FinancialQuarter Quarter, decimal Value, string Shown, RagRating Rag, Direction Direction, string? Change);

public sealed record IndicatorPageModel(Indicator Indicator, string Owner, IReadOnlyList<IndicatorValueRow> Rows, IndicatorChart Chart, string Summary, Page<QuarterStory> Stories);
