using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class DraftReportTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static CaseReview Review() =>
        new(Guid.NewGuid(), ReviewKind.LocalChildSafeguardingPracticeReview, "Child B", new(2026, 3, 1), null, Today);

    [Fact]
    public void Versions_are_numbered_one_after_the_latest()
    {
        var review = Review();
        Assert.Equal(1, DraftReport.Upload(review, 0, "draft.docx", AttachmentKind.WordDocx, 10, null, "u", Now).Number);
        Assert.Equal(4, DraftReport.Upload(review, 3, "draft.pdf", AttachmentKind.Pdf, 10, null, "u", Now).Number);
    }

    [Theory]
    [InlineData(AttachmentKind.Png)]
    [InlineData(AttachmentKind.Jpeg)]
    public void A_draft_is_a_word_document_or_a_pdf_only(AttachmentKind kind)
    {
        var error = Assert.Throws<DomainRuleException>(() => DraftReport.Upload(Review(), 0, "draft.png", kind, 10, null, "u", Now));
        Assert.Equal("File", error.Field);
    }

    [Fact]
    public void The_uploaded_name_is_kept_without_any_path_and_the_note_trimmed()
    {
        var draft = DraftReport.Upload(Review(), 0, @"C:\Users\helen\..\draft v2.docx", AttachmentKind.WordDocx, 10, "  Section 3 rewritten  ", "u", Now);
        Assert.Equal("draft v2.docx", draft.FileName);
        Assert.Equal("Section 3 rewritten", draft.Note);
        Assert.Null(DraftReport.Upload(Review(), 0, "d.pdf", AttachmentKind.Pdf, 10, "   ", "u", Now).Note);
    }

    [Fact]
    public void An_empty_file_or_a_closed_review_is_refused()
    {
        Assert.Throws<DomainRuleException>(() => DraftReport.Upload(Review(), 0, "d.pdf", AttachmentKind.Pdf, 0, null, "u", Now));
        var closed = Review();
        closed.Close("The family asked for it to stop", Today);
        Assert.Throws<DomainRuleException>(() => DraftReport.Upload(closed, 0, "d.pdf", AttachmentKind.Pdf, 10, null, "u", Now));
    }

    [Fact]
    public void Marking_a_version_final_unmarks_the_one_that_was_final_so_one_is_final_at_a_time()
    {
        var review = Review();
        var one = DraftReport.Upload(review, 0, "1.pdf", AttachmentKind.Pdf, 10, null, "u", Now);
        var two = DraftReport.Upload(review, 1, "2.pdf", AttachmentKind.Pdf, 10, null, "u", Now);
        List<DraftReport> versions = [one, two];

        Assert.True(one.MarkFinal(review, versions, "reviewer", Now));
        Assert.True(two.MarkFinal(review, versions, "manager", Now.AddHours(1)));

        Assert.Equal([two], versions.Where(v => v.IsFinal));
        Assert.Null(one.FinalOfReviewId);
        Assert.Null(one.MarkedFinalByUserId);
        Assert.Equal(review.Id, two.FinalOfReviewId);
        Assert.Equal("manager", two.MarkedFinalByUserId);
        Assert.Equal(Now.AddHours(1), two.MarkedFinalAt);
    }

    [Fact]
    public void Marking_the_final_version_again_changes_nothing()
    {
        var review = Review();
        var one = DraftReport.Upload(review, 0, "1.pdf", AttachmentKind.Pdf, 10, null, "u", Now);
        one.MarkFinal(review, [one], "reviewer", Now);
        Assert.False(one.MarkFinal(review, [one], "manager", Now.AddHours(1)));
        Assert.Equal("reviewer", one.MarkedFinalByUserId);
    }

    [Fact]
    public void A_comment_needs_text_within_its_length_on_an_open_review()
    {
        var review = Review();
        var draft = DraftReport.Upload(review, 0, "1.pdf", AttachmentKind.Pdf, 10, null, "u", Now);
        Assert.Equal("Text", Assert.Throws<DomainRuleException>(() => new DraftReportComment(review, draft, "  ", "chair", Now)).Field);
        Assert.Equal("Text", Assert.Throws<DomainRuleException>(() => new DraftReportComment(review, draft, new string('x', DraftReportComment.TextMaxLength + 1), "chair", Now)).Field);
        var comment = new DraftReportComment(review, draft, "  Paragraph 4 needs the family's view.  ", "chair", Now);
        Assert.Equal("Paragraph 4 needs the family's view.", comment.Text);
        Assert.Equal(draft.Id, comment.DraftReportId);
    }
}
