using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class SingleAgencyAuditConfiguration : IEntityTypeConfiguration<SingleAgencyAudit>
{
    public void Configure(EntityTypeBuilder<SingleAgencyAudit> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Topic).HasMaxLength(SingleAgencyAudit.TopicMaxLength).IsRequired();
        builder.Property(a => a.Findings).HasMaxLength(SingleAgencyAudit.TextMaxLength).IsRequired();
        builder.Property(a => a.Actions).HasMaxLength(SingleAgencyAudit.TextMaxLength).IsRequired();
        builder.Property(a => a.MoreAskedFor).HasMaxLength(SingleAgencyAudit.TextMaxLength);
        builder.Property(a => a.ReportedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.AcknowledgedByUserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.PartnershipId, a.State, a.ReportedAt });
        builder.HasIndex(a => new { a.AgencyId, a.PartnershipId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.SingleAgencyAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.SingleAgencyAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Themes).WithOne().HasForeignKey(t => t.SingleAgencyAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SingleAgencyAuditDocumentConfiguration : IEntityTypeConfiguration<SingleAgencyAuditDocument>
{
    public void Configure(EntityTypeBuilder<SingleAgencyAuditDocument> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(SingleAgencyAuditDocument.MaxFileNameLength).IsRequired();
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class SingleAgencyAuditEventConfiguration : IEntityTypeConfiguration<SingleAgencyAuditEvent>
{
    public void Configure(EntityTypeBuilder<SingleAgencyAuditEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Note).HasMaxLength(SingleAgencyAudit.TextMaxLength);
        builder.Property(e => e.ByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class SingleAgencyAuditThemeConfiguration : IEntityTypeConfiguration<SingleAgencyAuditTheme>
{
    public void Configure(EntityTypeBuilder<SingleAgencyAuditTheme> builder)
    {
        builder.HasKey(t => new { t.SingleAgencyAuditId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
