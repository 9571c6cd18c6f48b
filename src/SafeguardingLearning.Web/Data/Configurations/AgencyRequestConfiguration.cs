using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class AgencyRequestConfiguration : IEntityTypeConfiguration<AgencyRequest>
{
    public void Configure(EntityTypeBuilder<AgencyRequest> builder)
    {
        builder.HasIndex(r => new { r.RapidReviewId, r.AgencyId }).IsUnique();
        builder.Property(r => r.SummaryOfInvolvement).HasMaxLength(8000);
        builder.Property(r => r.KeyDates).HasMaxLength(4000);
        builder.Property(r => r.WentWell).HasMaxLength(4000);
        builder.Property(r => r.DidNotGoWell).HasMaxLength(4000);
        builder.Property(r => r.ImmediateActions).HasMaxLength(4000);
        builder.Property(r => r.AnsweredByUserId).HasMaxLength(450);
        builder.Property(r => r.LastChangedByUserId).HasMaxLength(450);
        builder.HasOne<RapidReview>().WithMany().HasForeignKey(r => r.RapidReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyAttachmentConfiguration : IEntityTypeConfiguration<AgencyAttachment>
{
    public void Configure(EntityTypeBuilder<AgencyAttachment> builder)
    {
        builder.HasIndex(a => a.AgencyRequestId);
        builder.HasIndex(a => a.RapidReviewId);
        builder.Property(a => a.FileName).HasMaxLength(AgencyAttachment.MaxFileNameLength).IsRequired();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<AgencyRequest>().WithMany().HasForeignKey(a => a.AgencyRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
