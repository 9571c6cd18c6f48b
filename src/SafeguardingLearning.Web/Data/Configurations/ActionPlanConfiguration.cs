using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Ignore(p => p.Source);
        builder.Property(p => p.SourceKind).HasMaxLength(LearningSource.KindMaxLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(ActionPlan.TitleMaxLength).IsRequired();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450).IsRequired();

        // One plan per source: two business unit members opening a review's plan at once make one.
        builder.HasIndex(p => new { p.PartnershipId, p.SourceKind, p.SourceId }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Activity).HasMaxLength(ImprovementAction.ActivityMaxLength).IsRequired();
        builder.Property(a => a.Outcome).HasMaxLength(ImprovementAction.TextMaxLength).IsRequired();
        builder.Property(a => a.Evidence).HasMaxLength(ImprovementAction.TextMaxLength).IsRequired();
        builder.Property(a => a.CompletionEvidence).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.ImpactCheck).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.LeadUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(a => new { a.ActionPlanId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.PartnershipId, a.Status, a.EndDate });
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(a => a.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.LeadUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Findings).WithOne().HasForeignKey(f => f.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Themes).WithOne().HasForeignKey(t => t.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActionFindingConfiguration : IEntityTypeConfiguration<ActionFinding>
{
    public void Configure(EntityTypeBuilder<ActionFinding> builder)
    {
        builder.HasKey(f => new { f.ImprovementActionId, f.FindingId });
        builder.HasIndex(f => f.FindingId);
        builder.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionThemeConfiguration : IEntityTypeConfiguration<ActionTheme>
{
    public void Configure(EntityTypeBuilder<ActionTheme> builder)
    {
        builder.HasKey(t => new { t.ImprovementActionId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> builder)
    {
        builder.Property(u => u.WhatWasDone).HasMaxLength(ImprovementAction.TextMaxLength).IsRequired();
        builder.Property(u => u.Evidence).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(u => u.PrivateNote).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(u => u.WrittenByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(u => new { u.ImprovementActionId, u.WrittenAt });
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(u => u.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImpactDecisionConfiguration : IEntityTypeConfiguration<ImpactDecision>
{
    public void Configure(EntityTypeBuilder<ImpactDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(ImprovementAction.TextMaxLength).IsRequired();
        builder.Property(d => d.DecidedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(d => new { d.ImprovementActionId, d.DecidedAt });
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(d => d.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionPlanSettingsConfiguration : IEntityTypeConfiguration<ActionPlanSettings>
{
    public void Configure(EntityTypeBuilder<ActionPlanSettings> builder)
    {
        builder.Ignore(s => s.DecidingRole);

        // One row per partnership: until the business unit saves one, the defaults apply.
        builder.HasIndex(s => s.PartnershipId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
