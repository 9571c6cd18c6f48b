using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Ignore(v => v.IsFrozen);
        builder.Ignore(v => v.Questions);
        builder.Property(v => v.Name).HasMaxLength(FrameworkVersion.NameMaxLength).IsRequired();
        builder.Property(v => v.BasedOnTemplate).HasMaxLength(64);
        builder.Property(v => v.CreatedByUserId).HasMaxLength(450).IsRequired();

        // Versions of one framework are numbered once each: two copies made at the same moment cannot share a number.
        builder.HasIndex(v => new { v.FrameworkId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.PartnershipId, v.Kind });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(v => v.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Standards).WithOne().HasForeignKey(s => s.FrameworkVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Standards).HasField("_standards").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FrameworkStandardConfiguration : IEntityTypeConfiguration<FrameworkStandard>
{
    public void Configure(EntityTypeBuilder<FrameworkStandard> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.Sources);
        builder.Property(s => s.Key).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(FrameworkVersion.TitleMaxLength).IsRequired();
        builder.Property(s => s.Guidance).HasMaxLength(FrameworkVersion.GuidanceMaxLength).IsRequired();
        builder.Property(s => s.SourceKeys).HasMaxLength(400).IsRequired();
        builder.HasIndex(s => new { s.FrameworkVersionId, s.Key }).IsUnique();
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.FrameworkStandardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FrameworkQuestionConfiguration : IEntityTypeConfiguration<FrameworkQuestion>
{
    public void Configure(EntityTypeBuilder<FrameworkQuestion> builder)
    {
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Key).HasMaxLength(64).IsRequired();
        builder.Property(q => q.Text).HasMaxLength(FrameworkVersion.QuestionMaxLength).IsRequired();
        builder.Property(q => q.Guidance).HasMaxLength(FrameworkVersion.GuidanceMaxLength);
        builder.HasIndex(q => new { q.FrameworkVersionId, q.Key }).IsUnique();
    }
}

internal sealed class AssessmentCycleConfiguration : IEntityTypeConfiguration<AssessmentCycle>
{
    public void Configure(EntityTypeBuilder<AssessmentCycle> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.NextOpensOn);
        builder.Property(c => c.Title).HasMaxLength(AssessmentCycle.TitleMaxLength).IsRequired();
        builder.Property(c => c.Window).HasMaxLength(16).IsRequired();
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(c => new { c.PartnershipId, c.DueOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrameworkVersion>().WithMany().HasForeignKey(c => c.FrameworkVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Invitees).WithOne().HasForeignKey(i => i.AssessmentCycleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Invitees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CycleInviteeConfiguration : IEntityTypeConfiguration<CycleInvitee>
{
    public void Configure(EntityTypeBuilder<CycleInvitee> builder)
    {
        builder.HasKey(i => new { i.AssessmentCycleId, i.AgencyId });
        builder.HasIndex(i => i.AgencyId);
        builder.Property(i => i.InvitedTo).HasMaxLength(CycleInvitees.InvitedToMaxLength);
        builder.Ignore(i => i.IsInvited);
        builder.Ignore(i => i.SubjectId);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfAssessmentReturnConfiguration : IEntityTypeConfiguration<SelfAssessmentReturn>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentReturn> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.IsDeclared);
        builder.Ignore(r => r.IsEditable);
        builder.Property(r => r.Window).HasMaxLength(16).IsRequired();
        builder.Property(r => r.DeclaredByName).HasMaxLength(SelfAssessmentReturn.NameMaxLength);
        builder.Property(r => r.DeclaredByJobTitle).HasMaxLength(SelfAssessmentReturn.NameMaxLength);

        // Submit once, share with many: one return per agency, kind of assessment and year.
        builder.HasIndex(r => new { r.AgencyId, r.Kind, r.Window }).IsUnique();
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.SelfAssessmentReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Shares).WithOne().HasForeignKey(s => s.SelfAssessmentReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReturnAnswerConfiguration : IEntityTypeConfiguration<ReturnAnswer>
{
    public void Configure(EntityTypeBuilder<ReturnAnswer> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Ignore(a => a.IsNotApplicable);
        builder.Ignore(a => a.IsComplete);
        builder.Property(a => a.QuestionKey).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Rating).HasMaxLength(32);
        builder.Property(a => a.NotApplicableReason).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
        builder.Property(a => a.Evidence).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
        builder.Property(a => a.AreasForImprovement).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
        builder.Property(a => a.EvidenceLinks).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
        builder.HasIndex(a => new { a.SelfAssessmentReturnId, a.QuestionKey });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.LocalTo).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReturnShareConfiguration : IEntityTypeConfiguration<ReturnShare>
{
    public void Configure(EntityTypeBuilder<ReturnShare> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AcceptedByUserId).HasMaxLength(450);

        // Shared once with each partnership, and a cycle receives one return from each agency.
        builder.HasIndex(s => new { s.SelfAssessmentReturnId, s.PartnershipId }).IsUnique();
        builder.HasIndex(s => new { s.AssessmentCycleId, s.AgencyId }).IsUnique();
        builder.HasIndex(s => new { s.PartnershipId, s.State });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCycle>().WithMany().HasForeignKey(s => s.AssessmentCycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Changes).WithOne().HasForeignKey(c => c.ReturnShareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.ReturnShareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Moderated).WithOne().HasForeignKey(m => m.ReturnShareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Moderated).HasField("_moderated").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Received).WithOne().HasForeignKey(r => r.ReturnShareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Received).HasField("_received").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReceivedAnswerConfiguration : IEntityTypeConfiguration<ReceivedAnswer>
{
    public void Configure(EntityTypeBuilder<ReceivedAnswer> builder)
    {
        builder.HasKey(r => new { r.ReturnShareId, r.QuestionKey });
        builder.Property(r => r.QuestionKey).HasMaxLength(64);
        builder.Property(r => r.Rating).HasMaxLength(32);
        builder.Property(r => r.NotApplicableReason).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
    }
}

internal sealed class RequiredChangeConfiguration : IEntityTypeConfiguration<RequiredChange>
{
    public void Configure(EntityTypeBuilder<RequiredChange> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.StandardKey).HasMaxLength(64);
        builder.Property(c => c.WhatMustChange).HasMaxLength(SelfAssessmentReturn.TextMaxLength).IsRequired();
        builder.Property(c => c.ReturnedByUserId).HasMaxLength(450).IsRequired();
    }
}

internal sealed class ReturnShareEventConfiguration : IEntityTypeConfiguration<ReturnShareEvent>
{
    public void Configure(EntityTypeBuilder<ReturnShareEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.ReturnShareId, e.At });
    }
}

internal sealed class ModeratedStandardConfiguration : IEntityTypeConfiguration<ModeratedStandard>
{
    public void Configure(EntityTypeBuilder<ModeratedStandard> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.StandardKey).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Rating).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Feedback).HasMaxLength(SelfAssessmentReturn.TextMaxLength);
        builder.Property(m => m.ModeratedByUserId).HasMaxLength(450).IsRequired();

        // One row per round for each partnership, return and standard; the latest round's is current.
        builder.HasIndex(m => new { m.PartnershipId, m.ReturnId, m.StandardKey, m.Round }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelfAssessmentReturn>().WithMany().HasForeignKey(m => m.ReturnId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModeratorAssignmentConfiguration : IEntityTypeConfiguration<ModeratorAssignment>
{
    public void Configure(EntityTypeBuilder<ModeratorAssignment> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ModeratorUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AssignedByUserId).HasMaxLength(450).IsRequired();

        // One moderator for each invited agency's return in a cycle; reassigning changes it.
        builder.HasIndex(m => new { m.AssessmentCycleId, m.AgencyId }).IsUnique();
        builder.HasIndex(m => new { m.PartnershipId, m.ModeratorUserId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCycle>().WithMany().HasForeignKey(m => m.AssessmentCycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChallengeEventConfiguration : IEntityTypeConfiguration<ChallengeEvent>
{
    public void Configure(EntityTypeBuilder<ChallengeEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Attendees).HasMaxLength(ChallengeEvent.TextMaxLength).IsRequired();
        builder.Property(e => e.Outcome).HasMaxLength(ChallengeEvent.TextMaxLength).IsRequired();
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(e => new { e.AssessmentCycleId, e.HeldOn });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCycle>().WithMany().HasForeignKey(e => e.AssessmentCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CycleFindingsConfiguration : IEntityTypeConfiguration<CycleFindings>
{
    public void Configure(EntityTypeBuilder<CycleFindings> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Ignore(f => f.IsSignedOff);
        builder.Property(f => f.Text).HasMaxLength(ChallengeEvent.TextMaxLength).IsRequired();
        builder.Property(f => f.WrittenByUserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.SignedOffByUserId).HasMaxLength(450);
        builder.HasIndex(f => f.AssessmentCycleId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(f => f.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentCycle>().WithMany().HasForeignKey(f => f.AssessmentCycleId).OnDelete(DeleteBehavior.Cascade);
    }
}
