using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(Indicator.CodeMaxLength).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(Indicator.NameMaxLength).IsRequired();
        builder.Property(i => i.Definition).HasMaxLength(Indicator.TextMaxLength).IsRequired();
        builder.Property(i => i.HowCounted).HasMaxLength(Indicator.TextMaxLength).IsRequired();
        builder.Property(i => i.Theme).HasMaxLength(Indicator.ThemeMaxLength);
        builder.Property(i => i.ComputedBy).HasMaxLength(Indicator.CodeMaxLength);
        builder.Property(i => i.Target).HasPrecision(18, 2);
        builder.Property(i => i.Tolerance).HasPrecision(18, 2);
        builder.Property(i => i.ExpectedMin).HasPrecision(18, 2);
        builder.Property(i => i.ExpectedMax).HasPrecision(18, 2);
        builder.Ignore(i => i.Frequency);
        builder.Ignore(i => i.IsComputed);
        builder.HasIndex(i => new { i.PartnershipId, i.Code }).IsUnique();
        builder.HasIndex(i => i.OwningAgencyId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(i => i.OwningAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DataReturnConfiguration : IEntityTypeConfiguration<DataReturn>
{
    public void Configure(EntityTypeBuilder<DataReturn> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.StoryShows).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(r => r.StoryWhy).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(r => r.StoryWorries).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(r => r.StoryDoing).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.SubmittedByUserId).HasMaxLength(450);
        builder.Ignore(r => r.OfQuarter);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.Story);
        builder.HasIndex(r => new { r.PartnershipId, r.AgencyId, r.Quarter }).IsUnique();
        builder.HasIndex(r => new { r.PartnershipId, r.Quarter });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Values).WithOne().HasForeignKey(v => v.DataReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Value).HasPrecision(18, 2);
        builder.Property(v => v.Query).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(v => v.Answer).HasMaxLength(DataReturn.StoryMaxLength);
        builder.HasIndex(v => new { v.DataReturnId, v.IndicatorId }).IsUnique();
        builder.HasIndex(v => new { v.PartnershipId, v.IndicatorId, v.Quarter });
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.History).WithOne().HasForeignKey(c => c.DataValueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DataValueChangeConfiguration : IEntityTypeConfiguration<DataValueChange>
{
    public void Configure(EntityTypeBuilder<DataValueChange> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Value).HasPrecision(18, 2);
        builder.Property(c => c.Note).HasMaxLength(DataReturn.StoryMaxLength);
        builder.Property(c => c.ByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class QuarterLockConfiguration : IEntityTypeConfiguration<QuarterLock>
{
    public void Configure(EntityTypeBuilder<QuarterLock> builder)
    {
        builder.HasKey(l => new { l.PartnershipId, l.Quarter });
        builder.Property(l => l.LockedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(l => l.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
