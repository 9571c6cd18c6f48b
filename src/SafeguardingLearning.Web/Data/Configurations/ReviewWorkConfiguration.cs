using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class DraftReportConfiguration : IEntityTypeConfiguration<DraftReport>
{
    public void Configure(EntityTypeBuilder<DraftReport> builder)
    {
        // Version numbers are unique within a review: two uploads cannot both become version 2.
        builder.HasIndex(d => new { d.CaseReviewId, d.Number }).IsUnique();

        // One final version per review, kept by the database (nulls are not compared).
        builder.HasIndex(d => d.FinalOfReviewId).IsUnique();
        builder.Ignore(d => d.IsFinal);
        builder.Property(d => d.FileName).HasMaxLength(AgencyAttachment.MaxFileNameLength).IsRequired();
        builder.Property(d => d.Note).HasMaxLength(DraftReport.NoteMaxLength);
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.MarkedFinalByUserId).HasMaxLength(450);
        builder.HasOne<CaseReview>().WithMany().HasForeignKey(d => d.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DraftReportCommentConfiguration : IEntityTypeConfiguration<DraftReportComment>
{
    public void Configure(EntityTypeBuilder<DraftReportComment> builder)
    {
        builder.HasIndex(c => c.DraftReportId);
        builder.HasIndex(c => c.CaseReviewId);
        builder.Property(c => c.Text).HasMaxLength(DraftReportComment.TextMaxLength).IsRequired();
        builder.Property(c => c.WrittenByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<DraftReport>().WithMany().HasForeignKey(c => c.DraftReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringCheckConfiguration : IEntityTypeConfiguration<MonitoringCheck>
{
    public void Configure(EntityTypeBuilder<MonitoringCheck> builder)
    {
        builder.HasIndex(c => new { c.CaseReviewId, c.CheckedOn });
        builder.Property(c => c.QualityConcerns).HasMaxLength(MonitoringCheck.TextMaxLength);
        builder.Property(c => c.ActionAgreed).HasMaxLength(MonitoringCheck.TextMaxLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<CaseReview>().WithMany().HasForeignKey(c => c.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
