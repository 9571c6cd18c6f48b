using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Risks;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Description).HasMaxLength(Risk.DescriptionMaxLength).IsRequired();
        builder.Property(r => r.Cause).HasMaxLength(Risk.TextMaxLength).IsRequired();
        builder.Property(r => r.Effect).HasMaxLength(Risk.TextMaxLength).IsRequired();
        builder.Property(r => r.OwnerName).HasMaxLength(Risk.OwnerMaxLength).IsRequired();
        builder.Property(r => r.ClosingNote).HasMaxLength(Risk.TextMaxLength);
        builder.Property(r => r.RaisedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ClosedByUserId).HasMaxLength(450);
        builder.Property(r => r.RaisedFromKind).HasMaxLength(RaisedFrom.KindMaxLength);
        builder.Ignore(r => r.Source);
        builder.Ignore(r => r.Current);
        builder.HasIndex(r => new { r.PartnershipId, r.Status, r.Score });
        builder.HasIndex(r => new { r.PartnershipId, r.AgencyId });
        builder.HasIndex(r => new { r.RaisedFromKind, r.RaisedFromId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RiskReviewConfiguration : IEntityTypeConfiguration<RiskReview>
{
    public void Configure(EntityTypeBuilder<RiskReview> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Note).HasMaxLength(Risk.TextMaxLength);
        builder.Property(v => v.ByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(v => new { v.RiskId, v.At });
    }
}
