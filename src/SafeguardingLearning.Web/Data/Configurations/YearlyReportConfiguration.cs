using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class YearlyReportConfiguration : IEntityTypeConfiguration<YearlyReport>
{
    public void Configure(EntityTypeBuilder<YearlyReport> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.FrozenFigures).HasMaxLength(YearlyReport.FiguresMaxLength);
        builder.Ignore(r => r.Year);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.IsFrozen);
        builder.Ignore(r => r.MissingContents);
        builder.Ignore(r => r.CurrentApprovals);
        builder.HasIndex(r => new { r.PartnershipId, r.YearStarts }).IsUnique();
        builder.HasIndex(r => new { r.PartnershipId, r.State });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Narratives).WithOne().HasForeignKey(n => n.YearlyReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Narratives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.YearlyReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class YearlyReportNarrativeConfiguration : IEntityTypeConfiguration<YearlyReportNarrative>
{
    public void Configure(EntityTypeBuilder<YearlyReportNarrative> builder)
    {
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Key).HasMaxLength(64).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(YearlyReport.TextMaxLength).IsRequired();
        builder.HasIndex(n => new { n.YearlyReportId, n.Key }).IsUnique();
    }
}

internal sealed class YearlyReportStepConfiguration : IEntityTypeConfiguration<YearlyReportStep>
{
    public void Configure(EntityTypeBuilder<YearlyReportStep> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ApprovedAs).HasMaxLength(100);
        builder.Property(s => s.Comments).HasMaxLength(YearlyReport.CommentMaxLength);
        builder.HasIndex(s => new { s.YearlyReportId, s.Number }).IsUnique();
    }
}

internal sealed class StoredFiguresConfiguration : IEntityTypeConfiguration<StoredFigures>
{
    public void Configure(EntityTypeBuilder<StoredFigures> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Json).HasMaxLength(YearlyReport.FiguresMaxLength).IsRequired();
        builder.HasIndex(f => new { f.PartnershipId, f.YearStarts }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoardPaperConfiguration : IEntityTypeConfiguration<BoardPaper>
{
    public void Configure(EntityTypeBuilder<BoardPaper> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(p => new { p.PartnershipId, p.MeetingOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
