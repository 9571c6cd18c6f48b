using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

// Texts are limited in characters as people see them; a column holds twice that many UTF-16 units,
// so a text full of emoji still fits.
internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.WhatHappened).HasMaxLength(ChronologyEntry.WhatHappenedMaxLength * 2).IsRequired();
        builder.Property(e => e.Source).HasMaxLength(ChronologyEntry.SourceMaxLength * 2);
        builder.Property(e => e.AddedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ChangedByUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.CaseReviewId, e.HappenedOn });
        builder.HasIndex(e => e.AgencyId);
        builder.HasOne<CaseReview>().WithMany().HasForeignKey(e => e.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningEventConfiguration : IEntityTypeConfiguration<LearningEvent>
{
    public void Configure(EntityTypeBuilder<LearningEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Participants).HasMaxLength(LearningEvent.ParticipantsMaxLength * 2).IsRequired();
        builder.Property(e => e.Learning).HasMaxLength(LearningEvent.LearningMaxLength * 2).IsRequired();
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(e => new { e.CaseReviewId, e.HeldOn });
        builder.HasOne<CaseReview>().WithMany().HasForeignKey(e => e.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
