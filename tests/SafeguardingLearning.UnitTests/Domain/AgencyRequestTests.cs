using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class AgencyRequestTests
{
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);
    private static readonly AgencyAnswer Full = new("What we knew", "Seen 3 November; contact: named nurse", "Shared concerns the same day", "No home visit", "Visited the hospital");

    private static (RapidReview Review, AgencyRequest Request) Ask(DateOnly notified, DateOnly sentOn, bool withSummariesMilestone = true)
    {
        var notification = new SeriousIncidentNotification(Guid.NewGuid(), "Child Q", AgeBand.UnderOne, notified, notified, null, notified, "Summary", [Guid.NewGuid()], notified);
        var timetable = TimetableMilestone.SuffolkDefault(notification.PartnershipId).Where(m => withSummariesMilestone || m.Step != MilestoneStep.SummariesIn);
        var review = new RapidReview(notification, timetable, DateTime.UtcNow);
        return (review, new AgencyRequest(review, notification.Agencies.Single().AgencyId, sentOn));
    }

    private static (RapidReview Review, AgencyRequest Request) Ask(DateOnly sentOn) => Ask(sentOn, sentOn);

    private static AgencyRequest Sent(RapidReview review, AgencyRequest request, DateOnly on)
    {
        request.SaveDraft(Full, "lead", on);
        request.Submit("lead", on);
        return request;
    }

    [Fact]
    public void A_summary_is_due_on_the_timetables_date_whenever_it_was_asked_for()
    {
        // Notified 18 December: working day 6 is 30 December (25 and 28 December are bank holidays).
        var (review, early) = Ask(new(2026, 12, 18), new(2026, 12, 21));
        var (_, late) = Ask(new(2026, 12, 18), new(2026, 12, 24));

        Assert.Equal(new DateOnly(2026, 12, 30), review.DueDateFor(early, Calendar));
        Assert.Equal(review.SummariesDueOn(Calendar), review.DueDateFor(early, Calendar));
        Assert.Equal(new DateOnly(2026, 12, 30), Ask(new(2026, 12, 18), new(2026, 12, 24)).Review.DueDateFor(late, Calendar));
    }

    [Fact]
    public void Without_a_summaries_milestone_a_summary_asked_for_on_23_December_2026_is_due_on_30_December()
    {
        // 24 December is working day 1; 25 and 28 December are bank holidays.
        var (review, request) = Ask(new(2026, 12, 23), new(2026, 12, 23), withSummariesMilestone: false);
        Assert.Equal(new DateOnly(2026, 12, 30), review.DueDateFor(request, Calendar));
    }

    [Fact]
    public void A_summarys_due_date_moves_with_the_calendar()
    {
        var (review, request) = Ask(new(2026, 12, 18), new(2026, 12, 21));
        var withExtraHoliday = new WorkingDayCalendar([new(2026, 12, 25), new(2026, 12, 28), new(2026, 12, 29), new(2027, 1, 1)]);

        Assert.Equal(new DateOnly(2026, 12, 31), review.DueDateFor(request, withExtraHoliday));
    }

    [Fact]
    public void An_answer_is_late_only_after_its_due_day()
    {
        var (review, onTime) = Ask(new(2026, 12, 23));
        Sent(review, onTime, new(2026, 12, 30));
        var (review2, late) = Ask(new(2026, 12, 23));
        Sent(review2, late, new(2026, 12, 31));
        var (_, unanswered) = Ask(new(2026, 12, 23));

        var due = new DateOnly(2026, 12, 30);
        Assert.False(onTime.IsLate(due, new(2027, 1, 20)));
        Assert.True(late.IsLate(due, new(2027, 1, 20)));
        Assert.False(unanswered.IsLate(due, new(2026, 12, 30)));
        Assert.True(unanswered.IsLate(due, new(2026, 12, 31)));
    }

    [Fact]
    public void A_draft_needs_nothing_and_is_not_sent()
    {
        var (_, request) = Ask(new(2026, 12, 23));

        request.SaveDraft(new AgencyAnswer(null, " ", null, "Not yet known", null), "lead", new(2026, 12, 24));

        Assert.False(request.IsSent);
        Assert.Null(request.AnsweredOn);
        Assert.Null(request.KeyDates);
        Assert.Equal("Not yet known", request.DidNotGoWell);
        Assert.Equal(new DateOnly(2026, 12, 24), request.LastChangedOn);
    }

    [Fact]
    public void Sending_needs_a_summary_of_involvement_and_happens_once()
    {
        var (_, request) = Ask(new(2026, 12, 23));
        request.SaveDraft(Full with { SummaryOfInvolvement = "  " }, "lead", new(2026, 12, 24));
        Assert.Equal(nameof(AgencyRequest.SummaryOfInvolvement), Assert.Throws<DomainRuleException>(() => request.Submit("lead", new(2026, 12, 24))).Field);
        Assert.False(request.IsSent);

        request.SaveDraft(Full, "lead", new(2026, 12, 24));
        request.Submit("lead", new(2026, 12, 29));

        Assert.Equal(new DateOnly(2026, 12, 29), request.AnsweredOn);
        Assert.Equal("lead", request.AnsweredByUserId);
        Assert.Throws<DomainRuleException>(() => request.Submit("lead", new(2026, 12, 30)));
        Assert.Throws<DomainRuleException>(() => request.SaveDraft(Full, "lead", new(2026, 12, 30)));
    }

    [Fact]
    public void A_change_after_sending_keeps_the_day_it_was_first_sent_and_records_the_day_it_changed()
    {
        var (review, request) = Ask(new(2026, 12, 23));
        Sent(review, request, new(2026, 12, 24));

        request.Change(Full with { WentWell = "Quick referral" }, review, "other lead", new(2026, 12, 31));

        Assert.Equal("Quick referral", request.WentWell);
        Assert.Equal(new DateOnly(2026, 12, 24), request.AnsweredOn);
        Assert.Equal(new DateOnly(2026, 12, 31), request.LastChangedOn);
        Assert.Equal("other lead", request.LastChangedByUserId);
        Assert.False(request.IsLate(review.DueDateFor(request, Calendar), new(2027, 1, 20)));
    }

    [Fact]
    public void A_change_still_needs_a_summary_and_only_follows_sending()
    {
        var (review, request) = Ask(new(2026, 12, 23));
        Assert.Throws<DomainRuleException>(() => request.Change(Full, review, "lead", new(2026, 12, 24)));
        Sent(review, request, new(2026, 12, 24));

        Assert.Equal(nameof(AgencyRequest.SummaryOfInvolvement), Assert.Throws<DomainRuleException>(() => request.Change(Full with { SummaryOfInvolvement = null }, review, "lead", new(2026, 12, 29))).Field);
        Assert.Equal("What we knew", request.SummaryOfInvolvement);
    }

    [Fact]
    public void Once_the_composite_is_circulated_a_sent_answer_and_its_documents_are_fixed()
    {
        var (review, request) = Ask(new(2026, 12, 23));
        Sent(review, request, new(2026, 12, 24));
        var attachment = request.Attach(review, "chronology.pdf", AttachmentKind.Pdf, 1000, "lead", DateTime.UtcNow);
        review.CirculateComposite(new(2026, 12, 29), [request]);

        var refused = Assert.Throws<DomainRuleException>(() => request.Change(Full with { WentWell = "Late thought" }, review, "lead", new(2026, 12, 30)));
        Assert.Equal(AgencyRequest.CompositeCirculatedMessage, refused.Message);
        Assert.Null(request.WentWell is "Late thought" ? request.WentWell : null);
        Assert.Throws<DomainRuleException>(() => request.Attach(review, "more.pdf", AttachmentKind.Pdf, 1000, "lead", DateTime.UtcNow));
        Assert.Throws<DomainRuleException>(() => request.Detach(attachment, review));
        Assert.False(request.IsOpen(review));
    }

    [Fact]
    public void An_agency_that_had_not_answered_can_still_send_its_summary_after_the_composite_went_round()
    {
        var (review, answered) = Ask(new(2026, 12, 23));
        Sent(review, answered, new(2026, 12, 24));
        var late = new AgencyRequest(review, Guid.NewGuid(), new(2026, 12, 23));
        review.CirculateComposite(new(2026, 12, 29), [answered, late]);

        Assert.True(late.IsOpen(review));
        late.SaveDraft(Full, "lead", new(2026, 12, 30));
        late.Submit("lead", new(2026, 12, 30));
        Assert.True(late.IsSent);
        Assert.False(late.IsOpen(review));
    }

    [Fact]
    public void A_document_is_stored_under_its_id_with_only_the_name_it_was_uploaded_with()
    {
        var (review, request) = Ask(new(2026, 12, 23));

        var attachment = request.Attach(review, "..\\..\\secret/../chronology.pdf", AttachmentKind.Pdf, 1000, "lead", DateTime.UtcNow);

        Assert.Equal("chronology.pdf", attachment.FileName);
        Assert.Equal(request.AgencyId, attachment.AgencyId);
        Assert.Equal(request.RapidReviewId, attachment.RapidReviewId);
        Assert.Throws<DomainRuleException>(() => request.Attach(review, "empty.pdf", AttachmentKind.Pdf, 0, "lead", DateTime.UtcNow));
        var (otherReview, _) = Ask(new(2026, 12, 23));
        Assert.Throws<DomainRuleException>(() => request.Attach(otherReview, "x.pdf", AttachmentKind.Pdf, 10, "lead", DateTime.UtcNow));
    }
}
