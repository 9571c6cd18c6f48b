using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class RapidReviewConfiguration : IEntityTypeConfiguration<RapidReview>
{
    public void Configure(EntityTypeBuilder<RapidReview> builder)
    {
        builder.HasIndex(r => r.NotificationId).IsUnique();
        builder.Property(r => r.MeetingAttendees).HasMaxLength(2000);
        builder.Property(r => r.ImmediateActions).HasMaxLength(4000);
        builder.Property(r => r.DecisionJustification).HasMaxLength(4000);
        builder.Property(r => r.DecisionSignedOffByUserId).HasMaxLength(450);
        builder.Property(r => r.PanelResponseNotes).HasMaxLength(2000);
        builder.HasOne<SeriousIncidentNotification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Milestones).WithOne().HasForeignKey(m => m.RapidReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RapidReviewMilestoneConfiguration : IEntityTypeConfiguration<RapidReviewMilestone>
{
    public void Configure(EntityTypeBuilder<RapidReviewMilestone> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Owner).HasColumnName("OwnerRole");
        builder.Property(m => m.CompletedByUserId).HasMaxLength(450);
    }
}

internal sealed class TimetableMilestoneConfiguration : IEntityTypeConfiguration<TimetableMilestone>
{
    public void Configure(EntityTypeBuilder<TimetableMilestone> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Owner).HasColumnName("OwnerRole");
        builder.HasIndex(m => new { m.PartnershipId, m.Order });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
