using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class DisseminationRecordConfiguration : IEntityTypeConfiguration<DisseminationRecord>
{
    public void Configure(EntityTypeBuilder<DisseminationRecord> builder)
    {
        // The business unit's list: newest first within the partnership; the thread: by source.
        builder.HasIndex(d => new { d.PartnershipId, d.DisseminatedOn });
        builder.HasIndex(d => new { d.SourceKind, d.SourceId });
        builder.Ignore(d => d.Source);
        builder.Ignore(d => d.HasDocument);
        builder.Property(d => d.SourceKind).HasMaxLength(LearningSource.KindMaxLength).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(DisseminationRecord.TitleMaxLength).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(DisseminationRecord.DescriptionMaxLength).IsRequired();
        builder.Property(d => d.Audiences).HasMaxLength(DisseminationRecord.AudiencesMaxLength).IsRequired();
        builder.Property(d => d.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DocumentFileName).HasMaxLength(AgencyAttachment.MaxFileNameLength);
        builder.HasMany(d => d.Confirmations).WithOne().HasForeignKey(c => c.DisseminationRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Confirmations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DisseminationConfirmationConfiguration : IEntityTypeConfiguration<DisseminationConfirmation>
{
    public void Configure(EntityTypeBuilder<DisseminationConfirmation> builder)
    {
        // One confirmation per agency sent to.
        builder.HasIndex(c => new { c.DisseminationRecordId, c.AgencyId }).IsUnique();
        builder.HasIndex(c => new { c.AgencyId, c.ReceivedOn });
        builder.Ignore(c => c.IsConfirmed);
        builder.Property(c => c.Evidence).HasMaxLength(DisseminationConfirmation.EvidenceMaxLength);
        builder.Property(c => c.ConfirmedByUserId).HasMaxLength(450);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisseminationChaseConfiguration : IEntityTypeConfiguration<DisseminationChase>
{
    public void Configure(EntityTypeBuilder<DisseminationChase> builder)
    {
        // One chase per agency per day: a chase submitted twice, or by two people at once, emails once.
        builder.HasIndex(c => new { c.DisseminationRecordId, c.AgencyId, c.ChasedOn }).IsUnique();
        builder.Property(c => c.ChasedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<DisseminationRecord>().WithMany().HasForeignKey(c => c.DisseminationRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
