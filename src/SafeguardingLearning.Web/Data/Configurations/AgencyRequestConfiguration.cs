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
        builder.Property(r => r.ImmediateActions).HasMaxLength(4000);
        builder.Property(r => r.AnsweredByUserId).HasMaxLength(450);
        builder.HasOne<RapidReview>().WithMany().HasForeignKey(r => r.RapidReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
