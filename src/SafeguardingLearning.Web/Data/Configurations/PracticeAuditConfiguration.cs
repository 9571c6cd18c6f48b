using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class AuditToolConfiguration : IEntityTypeConfiguration<AuditTool>
{
    public void Configure(EntityTypeBuilder<AuditTool> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Ignore(t => t.IsFrozen);
        builder.Property(t => t.Name).HasMaxLength(AuditTool.NameMaxLength).IsRequired();
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(t => t.PartnershipId);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Questions).WithOne().HasForeignKey(q => q.AuditToolId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuditToolQuestionConfiguration : IEntityTypeConfiguration<AuditToolQuestion>
{
    public void Configure(EntityTypeBuilder<AuditToolQuestion> builder)
    {
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Key).HasMaxLength(64).IsRequired();
        builder.Property(q => q.Text).HasMaxLength(AuditTool.QuestionMaxLength).IsRequired();
        builder.Property(q => q.Guidance).HasMaxLength(AuditTool.GuidanceMaxLength);
        builder.HasIndex(q => new { q.AuditToolId, q.Key }).IsUnique();
    }
}

internal sealed class CaseAuditConfiguration : IEntityTypeConfiguration<CaseAudit>
{
    public void Configure(EntityTypeBuilder<CaseAudit> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Ignore(a => a.AnswersShared);
        builder.Property(a => a.Why).HasMaxLength(CaseAudit.TextMaxLength).IsRequired();
        builder.Property(a => a.Scope).HasMaxLength(CaseAudit.TextMaxLength).IsRequired();
        builder.Property(a => a.LeadUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.SamplingNote).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.Discussion).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.WorkedWell).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.PractitionerFeedback).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.FamilyFeedback).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(a => new { a.PartnershipId, a.ProposedOn });
        builder.HasIndex(a => a.ThemeId);

        // An audit is revisited once.
        builder.HasIndex(a => a.RevisitOfId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AuditTool>().WithMany().HasForeignKey(a => a.AuditToolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseAudit>().WithMany().HasForeignKey(a => a.RevisitOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Agencies).WithOne().HasForeignKey(p => p.CaseAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Agencies).HasField("_agencies").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Cases).WithOne().HasForeignKey(c => c.CaseAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Cases).HasField("_cases").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseAuditAgencyConfiguration : IEntityTypeConfiguration<CaseAuditAgency>
{
    public void Configure(EntityTypeBuilder<CaseAuditAgency> builder)
    {
        builder.HasKey(p => new { p.CaseAuditId, p.AgencyId });
        builder.HasIndex(p => p.AgencyId);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditCaseConfiguration : IEntityTypeConfiguration<AuditCase>
{
    public void Configure(EntityTypeBuilder<AuditCase> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Pseudonym).HasMaxLength(CaseAudit.PseudonymMaxLength).IsRequired();
        builder.Property(c => c.References).HasMaxLength(CaseAudit.ReferencesMaxLength);
        builder.HasIndex(c => new { c.CaseAuditId, c.Number }).IsUnique();
    }
}

internal sealed class AuditAnswerConfiguration : IEntityTypeConfiguration<AuditAnswer>
{
    public void Configure(EntityTypeBuilder<AuditAnswer> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.QuestionKey).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Grade).HasMaxLength(32);
        builder.Property(a => a.Comment).HasMaxLength(CaseAudit.TextMaxLength);
        builder.Property(a => a.AnsweredByUserId).HasMaxLength(450).IsRequired();

        // One answer per case, agency and question: two saves at once cannot make two.
        builder.HasIndex(a => new { a.AuditCaseId, a.AgencyId, a.QuestionKey }).IsUnique();
        builder.HasIndex(a => new { a.CaseAuditId, a.AgencyId });
        builder.HasOne<CaseAudit>().WithMany().HasForeignKey(a => a.CaseAuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AuditCase>().WithMany().HasForeignKey(a => a.AuditCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreedGradingConfiguration : IEntityTypeConfiguration<AgreedGrading>
{
    public void Configure(EntityTypeBuilder<AgreedGrading> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.QuestionKey).HasMaxLength(64).IsRequired();
        builder.Property(g => g.Grade).HasMaxLength(32).IsRequired();
        builder.HasIndex(g => new { g.AuditCaseId, g.QuestionKey }).IsUnique();
        builder.HasIndex(g => g.CaseAuditId);
        builder.HasOne<CaseAudit>().WithMany().HasForeignKey(g => g.CaseAuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AuditCase>().WithMany().HasForeignKey(g => g.AuditCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(CaseAudit.TextMaxLength).IsRequired();
        builder.HasIndex(f => new { f.CaseAuditId, f.Number }).IsUnique();
        builder.HasOne<CaseAudit>().WithMany().HasForeignKey(f => f.CaseAuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.ActionPlans.ImprovementAction>().WithMany().HasForeignKey(f => f.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Themes).WithOne().HasForeignKey(t => t.AuditFindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Themes).HasField("_themes").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuditFindingThemeConfiguration : IEntityTypeConfiguration<AuditFindingTheme>
{
    public void Configure(EntityTypeBuilder<AuditFindingTheme> builder)
    {
        builder.HasKey(t => new { t.AuditFindingId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
