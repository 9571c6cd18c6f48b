using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.RapidReviews;

/// <summary>The agency's answers as typed. Nothing is required for a draft; the domain says what sending needs.</summary>
public sealed class AgencyAnswerForm
{
    public string? SummaryOfInvolvement { get; set; }

    public string? KeyDates { get; set; }

    public string? WentWell { get; set; }

    public string? DidNotGoWell { get; set; }

    public string? ImmediateActions { get; set; }

    public static AgencyAnswerForm From(AgencyRequest request) => new()
    {
        SummaryOfInvolvement = request.SummaryOfInvolvement,
        KeyDates = request.KeyDates,
        WentWell = request.WentWell,
        DidNotGoWell = request.DidNotGoWell,
        ImmediateActions = request.ImmediateActions,
    };

    public AgencyAnswer ToAnswer() => new(SummaryOfInvolvement, KeyDates, WentWell, DidNotGoWell, ImmediateActions);

    /// <summary>The questions in the order they are asked, with their labels.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Questions =
    [
        (nameof(SummaryOfInvolvement), "Summary of your agency's involvement with the child and family"),
        (nameof(KeyDates), "Key dates and contacts"),
        (nameof(WentWell), "What went well"),
        (nameof(DidNotGoWell), "What did not go well"),
        (nameof(ImmediateActions), "Immediate safeguarding actions taken or needed"),
    ];

    public string? Value(string field) => field switch
    {
        nameof(SummaryOfInvolvement) => SummaryOfInvolvement,
        nameof(KeyDates) => KeyDates,
        nameof(WentWell) => WentWell,
        nameof(DidNotGoWell) => DidNotGoWell,
        nameof(ImmediateActions) => ImmediateActions,
        _ => null,
    };
}

public sealed class AgencyAnswerFormValidator : AbstractValidator<AgencyAnswerForm>
{
    public AgencyAnswerFormValidator()
    {
        RuleFor(f => f.SummaryOfInvolvement).MaximumTextLength(8000, "The summary of your agency's involvement must be 8,000 characters or fewer");
        RuleFor(f => f.KeyDates).MaximumTextLength(4000, "The key dates and contacts must be 4,000 characters or fewer");
        RuleFor(f => f.WentWell).MaximumTextLength(4000, "What went well must be 4,000 characters or fewer");
        RuleFor(f => f.DidNotGoWell).MaximumTextLength(4000, "What did not go well must be 4,000 characters or fewer");
        RuleFor(f => f.ImmediateActions).MaximumTextLength(4000, "The immediate safeguarding actions must be 4,000 characters or fewer");
    }
}

/// <summary>A request's page: what is asked, the answers as saved or as typed, the documents attached.</summary>
public sealed record AgencyRequestModel(
    AgencyRequest Request,
    string Version,
    Guid RapidReviewId,
    string ChildPseudonym,
    DateOnly IncidentDate,
    string AgencyName,
    DateOnly DueOn,
    bool IsLate,
    DateOnly? CompositeCirculatedOn,
    bool IsOpen,
    AgencyAnswerForm Form,
    RapidReviewDeadline RapidReviewDeadline,
    IReadOnlyList<AgencyAttachment> Attachments,
    long MaxAttachmentBytes,
    IReadOnlyList<ChangedField> Changes)
{
    /// <summary>
    /// Loads a request the current person may see (the data layer hides other agencies'), tracked so
    /// that its version can be read for the form; null when there is none to see.
    /// </summary>
    public static async Task<AgencyRequestModel?> Load(AppDbContext db, BankHolidays bankHolidays, TimeProvider clock, IOptions<AttachmentOptions> attachmentOptions, Guid id, AgencyAnswerForm? typed = null, bool stale = false)
    {
        var request = await db.AgencyRequests.SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return null;
        }

        var found = await (
                from review in db.RapidReviews.AsNoTracking().Include(r => r.Milestones)
                join n in db.Notifications on review.NotificationId equals n.Id
                join a in db.PartnerAgencies on request.AgencyId equals a.Id
                where review.Id == request.RapidReviewId
                select new { Review = review, n.ChildPseudonym, n.IncidentDate, AgencyName = a.Name })
            .SingleAsync();
        var attachments = await db.AgencyAttachments.AsNoTracking().Where(a => a.AgencyRequestId == id).OrderBy(a => a.UploadedAt).ToListAsync();
        var today = DisplayDates.Today(clock);
        var calendar = await bankHolidays.Calendar();
        var deadline = RapidReviewDeadline.For(found.Review, calendar, today);
        var due = found.Review.DueDateFor(request, calendar);
        var saved = AgencyAnswerForm.From(request);
        var changes = stale && typed is not null
            ? ChangedField.Between(AgencyAnswerForm.Questions.Select(q => (q.Label, saved.Value(q.Field), typed.Value(q.Field))).ToArray())
            : [];
        return new AgencyRequestModel(
            request,
            ConcurrencyTokens.Read(db.Entry(request)),
            found.Review.Id,
            found.ChildPseudonym,
            found.IncidentDate,
            found.AgencyName,
            due,
            request.IsLate(due, today),
            found.Review.CompositeCirculatedOn,
            request.IsOpen(found.Review),
            typed ?? saved,
            deadline,
            attachments,
            attachmentOptions.Value.MaxBytes,
            changes);
    }
}
