using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.Web.Features.HighlightReports;

/// <summary>A new risk for the risk log as typed on the report's form.</summary>
public sealed class ProposedRiskForm
{
    public string? Description { get; set; }

    public string? Cause { get; set; }

    public string? Effect { get; set; }

    public string? Likelihood { get; set; }

    public string? Impact { get; set; }

    public ProposedRiskInput Input => new(Description, Cause, Effect, Score(Likelihood), Score(Impact));

    private static int? Score(string? typed) => int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>The agency lead's highlight report as typed: every part, the new risks and the asks of the board (a blank row ends each list), the signature.</summary>
public sealed class HighlightReportForm
{
    public const string SaveAction = "save";
    public const string AddRiskAction = "add-risk";
    public const string AddAskAction = "add-ask";
    public const string SignAction = "sign";
    public const string Yes = "yes";
    public const string No = "no";

    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", Yes), new("No", No)];

    public static readonly IReadOnlyList<SelectListItem> Likelihoods =
        [new("Choose", string.Empty), .. Enumerable.Range(RiskScore.Min, RiskScore.Max).Select(n => new SelectListItem($"{n} – {RiskScore.DescribeLikelihood(n)}", n.ToString(CultureInfo.InvariantCulture)))];

    public static readonly IReadOnlyList<SelectListItem> Impacts =
        [new("Choose", string.Empty), .. Enumerable.Range(RiskScore.Min, RiskScore.Max).Select(n => new SelectListItem($"{n} – {RiskScore.DescribeImpact(n)}", n.ToString(CultureInfo.InvariantCulture)))];

    public string? ReporterName { get; set; }

    public string? ReporterRole { get; set; }

    public string? Incidents { get; set; }

    public string? SafeguardingActivity { get; set; }

    public string? Training { get; set; }

    public string? Audits { get; set; }

    public string? Challenges { get; set; }

    public string? Shows { get; set; }

    public string? Why { get; set; }

    public string? Worries { get; set; }

    public string? Doing { get; set; }

    public string? EqualityImpact { get; set; }

    public string? NotificationMade { get; set; }

    public string? Notification { get; set; }

    public string? NotificationReference { get; set; }

    public string? EscalationUsed { get; set; }

    public string? EscalationDetails { get; set; }

    public List<ProposedRiskForm> Risks { get; set; } = [];

    public List<string?> Asks { get; set; } = [];

    public string? SignedName { get; set; }

    public IFormFile? Document { get; set; }

    public string? Action { get; set; }

    public string? Version { get; set; }

    public Guid? SubmissionKey { get; set; }

    public Guid? NotificationId => Guid.TryParse(Notification, out var id) ? id : null;

    public HighlightReportContent Content => new(
        ReporterName,
        ReporterRole,
        Incidents,
        SafeguardingActivity,
        Training,
        Audits,
        Challenges,
        new DataStory(Shows, Why, Worries, Doing),
        EqualityImpact,
        Choice(NotificationMade),
        NotificationId,
        NotificationReference,
        Choice(EscalationUsed),
        EscalationDetails);

    public static bool? Choice(string? typed) => typed switch
    {
        Yes => true,
        No => false,
        _ => null,
    };

    public static string? Typed(bool? choice) => choice switch
    {
        true => Yes,
        false => No,
        _ => null,
    };

    public static HighlightReportForm From(HighlightReport report) => new()
    {
        ReporterName = report.ReporterName,
        ReporterRole = report.ReporterRole,
        Incidents = report.Incidents,
        SafeguardingActivity = report.SafeguardingActivity,
        Training = report.Training,
        Audits = report.Audits,
        Challenges = report.Challenges,
        Shows = report.StoryShows,
        Why = report.StoryWhy,
        Worries = report.StoryWorries,
        Doing = report.StoryDoing,
        EqualityImpact = report.EqualityImpact,
        NotificationMade = Typed(report.NotificationMade),
        Notification = report.NotificationId?.ToString(),
        NotificationReference = report.NotificationReference,
        EscalationUsed = Typed(report.EscalationUsed),
        EscalationDetails = report.EscalationDetails,
        Risks = [.. report.Risks.OrderBy(r => r.Number).Select(r => new ProposedRiskForm
        {
            Description = r.Description,
            Cause = r.Cause,
            Effect = r.Effect,
            Likelihood = r.Likelihood.ToString(CultureInfo.InvariantCulture),
            Impact = r.Impact.ToString(CultureInfo.InvariantCulture),
        })],
        Asks = [.. report.Asks.OrderBy(a => a.Number).Select(a => (string?)a.Text)],
        SignedName = report.SignedName,
    };

    /// <summary>The rows the form shows: those typed or saved, then one blank row of each to add another (up to the limits).</summary>
    public void AddBlankRows()
    {
        Risks = [.. Risks.Where(r => !r.Input.IsBlank)];
        if (Risks.Count < HighlightReport.MaxProposedRisks)
        {
            Risks.Add(new ProposedRiskForm());
        }

        Asks = [.. Asks.Where(a => !string.IsNullOrWhiteSpace(a))];
        if (Asks.Count < HighlightReport.MaxBoardAsks)
        {
            Asks.Add(null);
        }
    }
}

/// <summary>The business unit's decision on a submitted report.</summary>
public sealed class HighlightDecisionForm
{
    public const string Accept = "accept";
    public const string AskForMore = "more";

    public static readonly IReadOnlyList<SelectListItem> Decisions =
        [new("Accept the report: its new risks join the register and its asks become the board's actions", Accept), new("Ask the agency for more", AskForMore)];

    public string? Decision { get; set; }

    public string? MoreAskedFor { get; set; }

    public string? Version { get; set; }
}

/// <summary>One of the agency's indicators with its value in the quarter's data return, read-only on the report.</summary>
public sealed record HighlightValueRow(string Code, string Indicator, string? Value, string? Target, RagRating Rag);

public sealed record NotificationChoice(Guid Id, string Name);

public sealed record HighlightDocumentRow(Guid Id, string FileName, string Describe);

public sealed record HighlightStepRow(DateTime At, string What, string By, string? Note);

public sealed record ProposedRiskRow(int Number, string Description, string Cause, string Effect, int Likelihood, int Impact, Guid? RiskId);

public sealed record BoardAskRow(int Number, string Text, Guid? ActionId);

/// <summary>The lead's form page.</summary>
public sealed record HighlightEditModel(
    FinancialQuarter Quarter,
    DateOnly DueOn,
    string AgencyName,
    Guid? ReportId,
    HighlightReportState? State,
    string? MoreAskedFor,
    DataReturnState? DataReturnState,
    IReadOnlyList<HighlightValueRow> Values,
    IReadOnlyList<NotificationChoice> Notifications,
    IReadOnlyList<HighlightDocumentRow> Documents,
    HighlightReportForm Form)
{
    public IReadOnlyList<SelectListItem> NotificationItems =>
        [new("Not listed: enter its reference instead", string.Empty), .. Notifications.Select(n => new SelectListItem(n.Name, n.Id.ToString()))];
}

/// <summary>The read page of one report.</summary>
public sealed record HighlightReportPageModel(
    Guid Id,
    FinancialQuarter Quarter,
    string AgencyName,
    HighlightReportState State,
    string? ReporterName,
    string? ReporterRole,
    string? Incidents,
    string? SafeguardingActivity,
    string? Training,
    string? Audits,
    string? Challenges,
    DataStory Story,
    string? EqualityImpact,
    bool? NotificationMade,
    NotificationChoice? Notification,
    string? NotificationReference,
    bool? EscalationUsed,
    string? EscalationDetails,
    string? SignedName,
    DateOnly? SignedOn,
    string? MoreAskedFor,
    IReadOnlyList<HighlightValueRow> Values,
    IReadOnlyList<ProposedRiskRow> Risks,
    IReadOnlyList<BoardAskRow> Asks,
    IReadOnlyList<HighlightDocumentRow> Documents,
    IReadOnlyList<HighlightStepRow> History,
    bool IsOwnAgency,
    bool MayDecide,
    HighlightDecisionForm Outcome)
{
    public string Title => HighlightReport.Name(AgencyName, Quarter);
}

/// <summary>One agency's standing for a quarter on the partnership's grid.</summary>
public sealed record HighlightGridRow(Guid AgencyId, string Agency, Guid? ReportId, HighlightReportState? State, DateTime? SubmittedAt, bool Readable);

/// <summary>One quarter's report of the lead's own agency.</summary>
public sealed record OwnHighlightRow(FinancialQuarter Quarter, DateOnly DueOn, Guid? ReportId, HighlightReportState? State);

public sealed record HighlightIndexModel(
    bool IsAgencyLead,
    string? AgencyName,
    FinancialQuarter Quarter,
    IReadOnlyList<FinancialQuarter> Quarters,
    DateOnly DueOn,
    IReadOnlyList<HighlightGridRow> Grid,
    IReadOnlyList<OwnHighlightRow> Own);
