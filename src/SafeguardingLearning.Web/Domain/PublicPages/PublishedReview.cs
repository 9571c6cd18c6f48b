using System.Security.Cryptography;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Domain.PublicPages;

/// <summary>
/// A published review's public page: what the business unit chose to publish about it, held as
/// copies (public title, summary, the final report's PDF, the board's responses chosen), so that the
/// public page reads this record and nothing else about the review. Safeguarding partners publish the
/// reports of local child safeguarding practice reviews and keep them published for at least a year
/// (Working Together to Safeguard Children 2023, chapter 5); the page may be withdrawn only after
/// that, with when and why recorded.
/// </summary>
public class PublishedReview : IPartnershipOwned, IVersioned
{
    public const int PublicTitleMaxLength = 200;
    public const int SummaryMaxLength = 2000;
    public const int ReasonMaxLength = 2000;
    public const int PublicIdLength = 12;
    public const string KeepDecisionKind = "PublicPageKeepDecision";

    /// <summary>How many working days before the minimum period ends the business unit is asked to decide whether to keep the page.</summary>
    public const int KeepDecisionWorkingDaysBefore = 20;

    private const string PublicIdAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private readonly List<PublishedResponse> _responses = [];

    private PublishedReview()
    {
        PublicId = string.Empty;
        PublicTitle = string.Empty;
        Summary = string.Empty;
        ReportFileName = string.Empty;
        ReportContent = [];
        PreparedByUserId = string.Empty;
    }

    private PublishedReview(CaseReview review, string userId, DateTime nowUtc)
        : this()
    {
        Id = Guid.NewGuid();
        PartnershipId = review.PartnershipId;
        CaseReviewId = review.Id;
        PublicId = NewPublicId();
        PublishedOn = review.PublishedOn!.Value;
        PreparedByUserId = userId;
        PreparedAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    /// <summary>The review the page is about; never shown or used by the public page.</summary>
    public Guid CaseReviewId { get; private set; }

    /// <summary>The page's address under the partnership's public address: random, never the review's id.</summary>
    public string PublicId { get; private set; }

    /// <summary>The title the public sees: the pseudonym the report is published under.</summary>
    public string PublicTitle { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The day the review was published (a copy of the review's), from which the year it is kept counts.</summary>
    public DateOnly PublishedOn { get; private set; }

    public string ReportFileName { get; private set; }

    /// <summary>The report's PDF, copied: the public download reads this and nothing else.</summary>
    public byte[] ReportContent { get; private set; }

    public long ReportSizeInBytes { get; private set; }

    /// <summary>The final report version the PDF was copied from, when it was not uploaded for the page.</summary>
    public Guid? ReportFromDraftReportId { get; private set; }

    public string PreparedByUserId { get; private set; }

    public DateTime PreparedAt { get; private set; }

    /// <summary>When the page last changed, for the public page's Last-Modified and ETag.</summary>
    public DateTime ChangedAt { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public string? WithdrawnByUserId { get; private set; }

    public IReadOnlyCollection<PublishedResponse> Responses => _responses;

    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>The first day the page may be withdrawn: a year after publication (Working Together 2023, chapter 5).</summary>
    public DateOnly KeepPublishedUntil => KeptUntil(PublishedOn);

    public static DateOnly KeptUntil(DateOnly publishedOn) => publishedOn.AddMonths(CaseReview.MonthsKeptPublished);

    public bool CanWithdraw(DateOnly today) => !IsWithdrawn && today >= KeepPublishedUntil;

    /// <summary>
    /// The public page of a published review, with what the business unit chose: a public title, a
    /// summary, the report's PDF and the board's responses to the findings chosen.
    /// </summary>
    public static PublishedReview Prepare(CaseReview review, string? publicTitle, string? summary, PublicReport? report, IEnumerable<Guid> responsesShown, string userId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Stage != ReviewStage.Published || review.PublishedOn is null)
        {
            throw new DomainRuleException("A review's public page is prepared once the review is published");
        }

        var page = new PublishedReview(review, userId, nowUtc);
        page.Change(review, publicTitle, summary, report, responsesShown, nowUtc);
        return page;
    }

    /// <summary>
    /// Changes what is published: every field checked before anything changes. A null report keeps
    /// the one already published (a page always has one).
    /// </summary>
    public void Change(CaseReview review, string? publicTitle, string? summary, PublicReport? report, IEnumerable<Guid> responsesShown, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(responsesShown);
        if (review.Id != CaseReviewId)
        {
            throw new InvalidOperationException("The page belongs to another review");
        }

        if (IsWithdrawn)
        {
            throw new DomainRuleException("The page has been withdrawn, so it can no longer be changed");
        }

        var title = publicTitle?.Trim() ?? string.Empty;
        var text = summary?.Trim() ?? string.Empty;
        var chosen = responsesShown.Distinct().ToList();
        var broken = new List<DomainRuleException>();
        if (title.Length == 0)
        {
            broken.Add(new("Enter the title the review is published under, for example the child's pseudonym", nameof(PublicTitle)));
        }
        else if (title.Length > PublicTitleMaxLength)
        {
            broken.Add(new($"The title must be {PublicTitleMaxLength} characters or fewer", nameof(PublicTitle)));
        }

        if (text.Length == 0)
        {
            broken.Add(new("Enter a short summary of the review for the public page", nameof(Summary)));
        }
        else if (text.Length > SummaryMaxLength)
        {
            broken.Add(new($"The summary must be {SummaryMaxLength:N0} characters or fewer", nameof(Summary)));
        }

        if (report is null && ReportContent.Length == 0)
        {
            broken.Add(new("Upload the final report as a PDF, or choose the signed-off report version", "Report"));
        }

        // Only the board's recorded responses to this review's own findings can be published.
        var findings = review.Findings.Where(f => f.BoardResponse is not null).ToDictionary(f => f.Id);
        if (chosen.Any(id => !findings.ContainsKey(id)))
        {
            broken.Add(new("Choose only findings the board has responded to", "Responses"));
        }

        DomainRuleException.ThrowIfAny(broken);

        PublicTitle = title;
        Summary = text;
        if (report is not null)
        {
            ReportFileName = report.FileName;
            ReportContent = report.Content;
            ReportSizeInBytes = report.Content.LongLength;
            ReportFromDraftReportId = report.FromDraftReportId;
        }

        _responses.Clear();
        foreach (var finding in chosen.Select(id => findings[id]).OrderBy(f => f.Number))
        {
            _responses.Add(new PublishedResponse(this, finding));
        }

        ChangedAt = nowUtc;
    }

    /// <summary>
    /// Takes the page down. Refused within its minimum year (Working Together 2023, chapter 5); after
    /// that the business unit may withdraw it, saying why.
    /// </summary>
    public void Withdraw(string? reason, string userId, DateOnly today, DateTime nowUtc)
    {
        if (IsWithdrawn)
        {
            throw new DomainRuleException($"The page was already withdrawn on {DisplayDates.Date(WithdrawnOn!.Value)}");
        }

        if (today < KeepPublishedUntil)
        {
            throw new DomainRuleException($"A published review stays published for at least {CaseReview.MonthsKeptPublished} months: this one can be withdrawn from {DisplayDates.Date(KeepPublishedUntil)}", nameof(WithdrawalReason));
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length == 0)
        {
            throw new DomainRuleException("Enter why the page is being withdrawn", nameof(WithdrawalReason));
        }

        if (why.Length > ReasonMaxLength)
        {
            throw new DomainRuleException($"The reason must be {ReasonMaxLength:N0} characters or fewer", nameof(WithdrawalReason));
        }

        WithdrawnOn = today;
        WithdrawalReason = why;
        WithdrawnByUserId = userId;
        ChangedAt = nowUtc;
    }

    /// <summary>
    /// The business unit's step to decide whether to keep the page published, a set number of
    /// working days before its minimum year ends; none once withdrawn or once the year has ended
    /// (the page then stays published until someone withdraws it, and nothing is overdue).
    /// </summary>
    public Deadline? KeepDecision(WorkingDayCalendar calendar, DateOnly today) =>
        KeepDecisionFor(Id, PartnershipId, CaseReviewId, PublicTitle, PublishedOn, IsWithdrawn, calendar, today);

    /// <summary>The same step, from a page's fields as read by a query (without its report's content).</summary>
    public static Deadline? KeepDecisionFor(Guid pageId, Guid partnershipId, Guid caseReviewId, string publicTitle, DateOnly publishedOn, bool withdrawn, WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var keepUntil = KeptUntil(publishedOn);
        if (withdrawn || today >= keepUntil)
        {
            return null;
        }

        return new Deadline(
            partnershipId,
            caseReviewId,
            publicTitle,
            KeepDecisionKind,
            pageId,
            $"Decide whether to keep {publicTitle} published after {DisplayDates.Date(keepUntil)}",
            calendar.SubtractWorkingDays(keepUntil, KeepDecisionWorkingDaysBefore),
            new DeadlineOwner(Role.BusinessUnit),
            $"/reviews/{caseReviewId}/public-page")
        {
            Detail = $"Published on {DisplayDates.Date(publishedOn)}; it may be withdrawn from {DisplayDates.Date(keepUntil)}",
            EscalatesTo = [],
        };
    }

    private static string NewPublicId() =>
        string.Create(PublicIdLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = PublicIdAlphabet[RandomNumberGenerator.GetInt32(PublicIdAlphabet.Length)];
            }
        });
}

/// <summary>One of the board's responses to a finding, as published: a copy of the finding, its recommendation and the response.</summary>
public class PublishedResponse
{
    private PublishedResponse()
    {
        Finding = string.Empty;
        Response = string.Empty;
    }

    internal PublishedResponse(PublishedReview page, Finding finding)
    {
        Id = Guid.NewGuid();
        PublishedReviewId = page.Id;
        Number = finding.Number;
        Finding = finding.Text;
        Recommendation = finding.Recommendation;
        Response = finding.BoardResponse!;
        RespondedOn = finding.BoardRespondedOn;
    }

    public Guid Id { get; private set; }

    public Guid PublishedReviewId { get; private set; }

    public int Number { get; private set; }

    public string Finding { get; private set; }

    public string? Recommendation { get; private set; }

    public string Response { get; private set; }

    public DateOnly? RespondedOn { get; private set; }
}

/// <summary>The report's PDF chosen for the page: its name, content and, when copied from one, the final report version.</summary>
public sealed record PublicReport(string FileName, byte[] Content, Guid? FromDraftReportId);
