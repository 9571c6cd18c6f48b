using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class StoredDeadlineConfiguration : IEntityTypeConfiguration<StoredDeadline>
{
    public void Configure(EntityTypeBuilder<StoredDeadline> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Case).HasMaxLength(300).IsRequired();
        builder.Property(d => d.Kind).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Step).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.Link).HasMaxLength(300).IsRequired();
        builder.Property(d => d.Detail).HasMaxLength(1000);
        builder.Property(d => d.EscalatesTo).HasMaxLength(300);

        // Home pages read one owner's deadlines, soonest first: an agency's, or the partnership's own steps.
        builder.HasIndex(d => new { d.PartnershipId, d.OwnerAgencyId, d.DueOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeadlineSnapshotConfiguration : IEntityTypeConfiguration<DeadlineSnapshot>
{
    public void Configure(EntityTypeBuilder<DeadlineSnapshot> builder)
    {
        builder.HasKey(s => s.PartnershipId);
        builder.Property(s => s.PartnershipId).ValueGeneratedNever();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
