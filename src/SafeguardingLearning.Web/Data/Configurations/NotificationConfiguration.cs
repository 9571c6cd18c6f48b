using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<SeriousIncidentNotification>
{
    public void Configure(EntityTypeBuilder<SeriousIncidentNotification> builder)
    {
        builder.ToTable("SeriousIncidentNotifications");
        builder.Property(n => n.ChildPseudonym).HasMaxLength(50).IsRequired();
        builder.Property(n => n.Summary).HasMaxLength(2000).IsRequired();
        builder.HasIndex(n => new { n.PartnershipId, n.PartnershipNotifiedDate });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(n => n.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Agencies).WithOne().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Agencies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsOne(n => n.Screening, screening =>
        {
            screening.Property(s => s.Rule).HasMaxLength(400);
            screening.Property(s => s.ChairReasons).HasMaxLength(4000);
            screening.Property(s => s.RecordedByUserId).HasMaxLength(450);
            screening.Property(s => s.SignedOffByUserId).HasMaxLength(450);
        });
    }
}

internal sealed class NotificationAgencyConfiguration : IEntityTypeConfiguration<NotificationAgency>
{
    public void Configure(EntityTypeBuilder<NotificationAgency> builder)
    {
        builder.HasKey(a => new { a.NotificationId, a.AgencyId });
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
