using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.PublicSlug).HasMaxLength(Partnership.PublicSlugMaxLength);
        builder.HasIndex(p => p.PublicSlug).IsUnique();
        builder.HasMany(p => p.Agencies).WithOne().HasForeignKey(a => a.PartnershipId);
        builder.Navigation(p => p.Agencies).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.Urn).HasMaxLength(SchoolUrn.MaxLength);
        builder.HasIndex(a => a.Urn).IsUnique();
        builder.Property(a => a.HeadTeacherEmail).HasMaxLength(256);
    }
}

internal sealed class PartnershipAgencyConfiguration : IEntityTypeConfiguration<PartnershipAgency>
{
    public void Configure(EntityTypeBuilder<PartnershipAgency> builder)
    {
        builder.HasKey(a => new { a.PartnershipId, a.AgencyId });
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
