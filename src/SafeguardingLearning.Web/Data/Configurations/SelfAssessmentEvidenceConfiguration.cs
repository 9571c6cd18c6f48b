using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.ActionPlans;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class ReturnDocumentConfiguration : IEntityTypeConfiguration<ReturnDocument>
{
    public void Configure(EntityTypeBuilder<ReturnDocument> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.QuestionKey).HasMaxLength(64).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(ReturnDocument.MaxFileNameLength).IsRequired();
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(d => new { d.SelfAssessmentReturnId, d.QuestionKey });
        builder.HasOne<SelfAssessmentReturn>().WithMany().HasForeignKey(d => d.SelfAssessmentReturnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(d => d.LocalTo).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GapActionConfiguration : IEntityTypeConfiguration<GapAction>
{
    public void Configure(EntityTypeBuilder<GapAction> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.QuestionKey).HasMaxLength(64).IsRequired();

        // Each gap becomes at most one action in the agency's plan for a partnership (a question's key
        // is unique within the partnership's framework version, local questions included).
        builder.HasIndex(g => new { g.ReturnShareId, g.QuestionKey }).IsUnique();
        builder.HasIndex(g => g.SelfAssessmentReturnId);
        builder.HasIndex(g => g.ImprovementActionId).IsUnique();
        builder.HasOne<ReturnShare>().WithMany().HasForeignKey(g => g.ReturnShareId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(g => g.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(g => g.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
