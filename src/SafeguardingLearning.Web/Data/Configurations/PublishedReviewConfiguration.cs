using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PublicPages;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class PublishedReviewConfiguration : IEntityTypeConfiguration<PublishedReview>
{
    public void Configure(EntityTypeBuilder<PublishedReview> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PublicId).HasMaxLength(PublishedReview.PublicIdLength).IsRequired();
        builder.Property(p => p.PublicTitle).HasMaxLength(PublishedReview.PublicTitleMaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(PublishedReview.SummaryMaxLength).IsRequired();
        builder.Property(p => p.ReportFileName).HasMaxLength(AgencyAttachment.MaxFileNameLength).IsRequired();
        builder.Property(p => p.ReportContent).IsRequired();
        builder.Property(p => p.PreparedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.WithdrawalReason).HasMaxLength(PublishedReview.ReasonMaxLength);
        builder.Property(p => p.WithdrawnByUserId).HasMaxLength(450);
        builder.Ignore(p => p.KeepPublishedUntil);
        builder.Ignore(p => p.IsWithdrawn);

        // One page per review, and one address per page within its partnership.
        builder.HasIndex(p => p.CaseReviewId).IsUnique();
        builder.HasIndex(p => new { p.PartnershipId, p.PublicId }).IsUnique();
        builder.HasIndex(p => new { p.PartnershipId, p.WithdrawnOn, p.PublishedOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseReview>().WithMany().HasForeignKey(p => p.CaseReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Responses).WithOne().HasForeignKey(r => r.PublishedReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Responses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PublishedResponseConfiguration : IEntityTypeConfiguration<PublishedResponse>
{
    public void Configure(EntityTypeBuilder<PublishedResponse> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Finding).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Recommendation).HasMaxLength(4000);
        builder.Property(r => r.Response).HasMaxLength(4000).IsRequired();
        builder.HasIndex(r => new { r.PublishedReviewId, r.Number });
    }
}
