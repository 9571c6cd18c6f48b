using System.Text.RegularExpressions;

namespace SafeguardingLearning.Web.Domain.Reporting;

public enum YearlyReportState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

public enum YearlyReportStepKind
{
    Started,
    Submitted,
    Returned,
    Approved,
    Published,
    SentToPanel,
    SentToWhatWorks,
}

/// <summary>Where a published yearly report must be sent (Working Together to Safeguard Children 2023, chapter 2).</summary>
public enum YearlyReportRecipient
{
    /// <summary>The Child Safeguarding Practice Review Panel.</summary>
    Panel,

    /// <summary>The What Works centre for children's social care.</summary>
    WhatWorks,
}

/// <summary>Who signs the report off: the independent chair, and where the partnership asks for it each of the three safeguarding partners.</summary>
public static class YearlyReportApprovers
{
    public const string Chair = "Independent chair";

    /// <summary>The three safeguarding partners (Children Act 2004 s16E): the local authority, the integrated care board and the chief officer of police.</summary>
    public static readonly IReadOnlyList<string> LeadPartners = ["Local authority", "Integrated care board", "Chief officer of police"];

    public static IReadOnlyList<string> Required(bool leadPartnersApprove) => leadPartnersApprove ? [Chair, .. LeadPartners] : [Chair];
}

/// <summary>
/// A partnership's yearly report for one reporting year. The business unit drafts it: the figures are
/// assembled from the records and refreshed until it is approved; the narrative sections are written
/// in the browser in plain text with simple formatting (<see cref="SimpleText"/>). Working Together's
/// expected contents are a checklist (<see cref="YearlyReportContents.Checklist"/>): a draft missing
/// any of them cannot be submitted. The independent chair (and, where configured, each of the three
/// safeguarding partners) approves it or returns it with comments; the last approval freezes it,
/// figures and all; the business unit then publishes it and records sending it to the Panel and the
/// What Works centre (Working Together to Safeguard Children 2023, chapter 2: within 7 days of
/// publication). One report per partnership and year.
/// </summary>
public partial class YearlyReport : IPartnershipOwned, IVersioned
{
    public const int TextMaxLength = 20000;
    public const int CommentMaxLength = 4000;
    public const int FiguresMaxLength = 1_000_000;

    private readonly List<YearlyReportNarrative> _narratives = [];
    private readonly List<YearlyReportStep> _steps = [];

    private YearlyReport()
    {
        CreatedByUserId = string.Empty;
    }

    public YearlyReport(Guid partnershipId, ReportingYear year, string userId, DateTime now)
        : this()
    {
        ArgumentNullException.ThrowIfNull(year);
        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        YearStarts = year.Starts;
        YearEnds = year.Ends;
        State = YearlyReportState.Draft;
        CreatedByUserId = userId;
        CreatedAt = now;
        _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.Started, userId, now, null, null));
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public DateOnly YearStarts { get; private set; }

    public DateOnly YearEnds { get; private set; }

    public YearlyReportState State { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The figures as they were when the last approval froze the report (JSON); null until then.</summary>
    public string? FrozenFigures { get; private set; }

    public DateTime? FrozenAt { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public DateOnly? SentToPanelOn { get; private set; }

    public DateOnly? SentToWhatWorksOn { get; private set; }

    public IReadOnlyCollection<YearlyReportNarrative> Narratives => _narratives;

    public IReadOnlyCollection<YearlyReportStep> Steps => _steps;

    public ReportingYear Year => ReportingYear.Starting(YearStarts.Year, YearStarts.Month);

    /// <summary>The business unit may change the words while the report is a draft or has been returned.</summary>
    public bool IsEditable => State is YearlyReportState.Draft or YearlyReportState.Returned;

    /// <summary>Approved or published: the figures and words are those approved, never changed again.</summary>
    public bool IsFrozen => State is YearlyReportState.Approved or YearlyReportState.Published;

    public string? TextOf(string key) => _narratives.FirstOrDefault(n => n.Key == key)?.Text;

    /// <summary>The expected contents whose sections are still empty.</summary>
    public IReadOnlyList<ExpectedContent> MissingContents =>
        [.. YearlyReportContents.Checklist.Where(c => c.Sections.Any(s => string.IsNullOrWhiteSpace(TextOf(s))))];

    /// <summary>The approvals given since the report was last submitted.</summary>
    public IReadOnlyList<YearlyReportStep> CurrentApprovals
    {
        get
        {
            var lastSubmitted = _steps.Where(s => s.Kind == YearlyReportStepKind.Submitted).Select(s => s.Number).DefaultIfEmpty(0).Max();
            return [.. _steps.Where(s => s.Kind == YearlyReportStepKind.Approved && s.Number > lastSubmitted).OrderBy(s => s.Number)];
        }
    }

    /// <summary>The approvers still to approve the submitted report, of those <paramref name="required"/>.</summary>
    public IReadOnlyList<string> ApprovalsStillNeeded(IReadOnlyList<string> required) =>
        State == YearlyReportState.Submitted ? [.. required.Where(r => CurrentApprovals.All(a => a.ApprovedAs != r))] : [];

    /// <summary>
    /// Writes one narrative section. Its text is kept as typed (plain text; <see cref="SimpleText"/>
    /// prints it, encoding every character, so no markup typed into it ever reaches a page), with
    /// control characters other than line breaks and tabs taken out.
    /// </summary>
    public void Write(string key, string? text)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(State == YearlyReportState.Submitted
                ? "The report has been sent for approval: it can be changed only if it is returned"
                : "The report has been approved: it can no longer be changed");
        }

        if (YearlyReportContents.Find(key) is null)
        {
            throw new DomainRuleException("There is no such section in the yearly report");
        }

        var clean = Clean(text);
        if (clean is { Length: > TextMaxLength })
        {
            throw new DomainRuleException($"The section must be {TextMaxLength:N0} characters or fewer", key);
        }

        var existing = _narratives.FirstOrDefault(n => n.Key == key);
        if (existing is null)
        {
            if (clean is not null)
            {
                _narratives.Add(new YearlyReportNarrative(this, key, clean));
            }
        }
        else
        {
            existing.Change(clean);
        }
    }

    /// <summary>Sends the draft for approval; refused while any expected content is missing.</summary>
    public void Submit(string userId, DateTime now)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException("Only a draft or a returned report can be sent for approval");
        }

        if (MissingContents is { Count: > 0 } missing)
        {
            throw new DomainRuleException($"Write the sections Working Together expects before sending the report for approval: {string.Join("; ", missing.Select(m => m.Description.ToLowerInvariant()))}");
        }

        State = YearlyReportState.Submitted;
        _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.Submitted, userId, now, null, null));
    }

    /// <summary>Returns the submitted report to the business unit with comments; approvals given so far lapse.</summary>
    public void Return(string approvedAs, string? comments, string userId, DateTime now)
    {
        if (State != YearlyReportState.Submitted)
        {
            throw new DomainRuleException("Only a report sent for approval can be returned");
        }

        if (string.IsNullOrWhiteSpace(comments))
        {
            throw new DomainRuleException("Enter what should change before the report can be approved", "Comments");
        }

        if (comments.Trim().Length > CommentMaxLength)
        {
            throw new DomainRuleException($"Comments must be {CommentMaxLength:N0} characters or fewer", "Comments");
        }

        State = YearlyReportState.Returned;
        _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.Returned, userId, now, approvedAs, comments.Trim()));
    }

    /// <summary>
    /// Approves the submitted report as one of the <paramref name="required"/> approvers. Each approves
    /// once, and one person approves for one of them only. The last approval freezes the report with the
    /// <paramref name="figures"/> read at that moment.
    /// </summary>
    public void Approve(string approvedAs, IReadOnlyList<string> required, string userId, DateTime now, Func<string> figures)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(figures);
        if (State != YearlyReportState.Submitted)
        {
            throw new DomainRuleException("Only a report sent for approval can be approved");
        }

        if (!required.Contains(approvedAs))
        {
            throw new DomainRuleException("Choose whom you are approving the report for", "ApprovedAs");
        }

        var approvals = CurrentApprovals;
        if (approvals.Any(a => a.ApprovedAs == approvedAs))
        {
            throw new DomainRuleException($"The report has already been approved for the {approvedAs.ToLowerInvariant()}", "ApprovedAs");
        }

        if (approvals.Any(a => a.ByUserId == userId))
        {
            throw new DomainRuleException("You have already approved this report: each approval must be given by a different person", "ApprovedAs");
        }

        _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.Approved, userId, now, approvedAs, null));
        if (required.All(r => approvals.Any(a => a.ApprovedAs == r) || r == approvedAs))
        {
            var frozen = figures();
            if (frozen.Length > FiguresMaxLength)
            {
                throw new DomainRuleException("The report's figures are too large to keep");
            }

            State = YearlyReportState.Approved;
            FrozenFigures = frozen;
            FrozenAt = now;
        }
    }

    /// <summary>Publishes the approved report: from today it is on the partnership's public pages.</summary>
    public void Publish(string userId, DateTime now, DateOnly today)
    {
        if (State != YearlyReportState.Approved)
        {
            throw new DomainRuleException(State == YearlyReportState.Published ? "The report is already published" : "Only an approved report can be published");
        }

        State = YearlyReportState.Published;
        PublishedOn = today;
        _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.Published, userId, now, null, null));
    }

    /// <summary>Records the day the published report was sent to the Panel or the What Works centre.</summary>
    public void RecordSent(YearlyReportRecipient recipient, DateOnly sentOn, string userId, DateTime now, DateOnly today)
    {
        if (State != YearlyReportState.Published || PublishedOn is not { } published)
        {
            throw new DomainRuleException("Only a published report can be sent");
        }

        if (sentOn < published || sentOn > today)
        {
            throw new DomainRuleException("The date it was sent must be between the day the report was published and today", "SentOn");
        }

        if ((recipient == YearlyReportRecipient.Panel ? SentToPanelOn : SentToWhatWorksOn) is not null)
        {
            throw new DomainRuleException("Sending the report there has already been recorded", "SentOn");
        }

        if (recipient == YearlyReportRecipient.Panel)
        {
            SentToPanelOn = sentOn;
            _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.SentToPanel, userId, now, null, null));
        }
        else
        {
            SentToWhatWorksOn = sentOn;
            _steps.Add(new YearlyReportStep(this, YearlyReportStepKind.SentToWhatWorks, userId, now, null, null));
        }
    }

    /// <summary>The last day the report should reach the Panel and the What Works centre; null until published.</summary>
    public DateOnly? SendBy(int daysAfterPublication) => PublishedOn?.AddDays(daysAfterPublication);

    public static string Name(string partnership, ReportingYear year) => $"{partnership} yearly report {year.Name}";

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return ControlCharacters().Replace(normalised, string.Empty).Trim();
    }

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]")]
    private static partial Regex ControlCharacters();
}

/// <summary>The text of one narrative section of a yearly report.</summary>
public class YearlyReportNarrative : IPartnershipOwned
{
    private YearlyReportNarrative()
    {
        Key = string.Empty;
        Text = string.Empty;
    }

    internal YearlyReportNarrative(YearlyReport report, string key, string text)
    {
        Id = Guid.NewGuid();
        YearlyReportId = report.Id;
        PartnershipId = report.PartnershipId;
        Key = key;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid YearlyReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public string Key { get; private set; }

    public string Text { get; private set; }

    internal void Change(string? text) => Text = text ?? string.Empty;
}

/// <summary>A step in a yearly report's life: who took it, when, and (for an approval or a return) for whom and why.</summary>
public class YearlyReportStep : IPartnershipOwned
{
    private YearlyReportStep()
    {
        ByUserId = string.Empty;
    }

    internal YearlyReportStep(YearlyReport report, YearlyReportStepKind kind, string userId, DateTime at, string? approvedAs, string? comments)
    {
        Id = Guid.NewGuid();
        YearlyReportId = report.Id;
        PartnershipId = report.PartnershipId;
        Number = report.Steps.Count + 1;
        Kind = kind;
        ByUserId = userId;
        At = at;
        ApprovedAs = approvedAs;
        Comments = comments;
    }

    public Guid Id { get; private set; }

    public Guid YearlyReportId { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The step's place in the report's history: 1 for the first.</summary>
    public int Number { get; private set; }

    public YearlyReportStepKind Kind { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>For an approval or a return: for whom it was given (the independent chair, a safeguarding partner).</summary>
    public string? ApprovedAs { get; private set; }

    public string? Comments { get; private set; }
}
