using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.HighlightReports;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PracticeAudits;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class HighlightReportConfiguration : IEntityTypeConfiguration<HighlightReport>
{
    public void Configure(EntityTypeBuilder<HighlightReport> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReporterName).HasMaxLength(HighlightReport.NameMaxLength);
        builder.Property(r => r.ReporterRole).HasMaxLength(HighlightReport.NameMaxLength);
        builder.Property(r => r.SignedName).HasMaxLength(HighlightReport.NameMaxLength);
        builder.Property(r => r.NotificationReference).HasMaxLength(HighlightReport.ReferenceMaxLength);
        foreach (var text in new[]
        {
            nameof(HighlightReport.Incidents), nameof(HighlightReport.SafeguardingActivity), nameof(HighlightReport.Training), nameof(HighlightReport.Audits),
            nameof(HighlightReport.Challenges), nameof(HighlightReport.StoryShows), nameof(HighlightReport.StoryWhy), nameof(HighlightReport.StoryWorries),
            nameof(HighlightReport.StoryDoing), nameof(HighlightReport.EqualityImpact), nameof(HighlightReport.EscalationDetails), nameof(HighlightReport.MoreAskedFor),
        })
        {
            builder.Property(text).HasMaxLength(HighlightReport.TextMaxLength);
        }

        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(r => r.OfQuarter);
        builder.Ignore(r => r.Story);
        builder.Ignore(r => r.IsEditable);
        builder.HasIndex(r => new { r.PartnershipId, r.AgencyId, r.Quarter }).IsUnique();
        builder.HasIndex(r => new { r.PartnershipId, r.Quarter, r.State });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Risks).WithOne().HasForeignKey(p => p.HighlightReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Risks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Asks).WithOne().HasForeignKey(a => a.HighlightReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Asks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.HighlightReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.HighlightReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProposedRiskConfiguration : IEntityTypeConfiguration<ProposedRisk>
{
    public void Configure(EntityTypeBuilder<ProposedRisk> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Description).HasMaxLength(Domain.Risks.Risk.DescriptionMaxLength).IsRequired();
        builder.Property(p => p.Cause).HasMaxLength(Domain.Risks.Risk.TextMaxLength).IsRequired();
        builder.Property(p => p.Effect).HasMaxLength(Domain.Risks.Risk.TextMaxLength).IsRequired();
        builder.Ignore(p => p.Score);
        builder.HasIndex(p => p.RiskId);
    }
}

internal sealed class BoardAskConfiguration : IEntityTypeConfiguration<BoardAsk>
{
    public void Configure(EntityTypeBuilder<BoardAsk> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Text).HasMaxLength(BoardAsk.TextMaxLength).IsRequired();
    }
}

internal sealed class HighlightReportStepConfiguration : IEntityTypeConfiguration<HighlightReportStep>
{
    public void Configure(EntityTypeBuilder<HighlightReportStep> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Note).HasMaxLength(HighlightReport.TextMaxLength);
        builder.Property(s => s.ByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class HighlightReportDocumentConfiguration : IEntityTypeConfiguration<HighlightReportDocument>
{
    public void Configure(EntityTypeBuilder<HighlightReportDocument> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(SingleAgencyAuditDocument.MaxFileNameLength).IsRequired();
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
    }
}
