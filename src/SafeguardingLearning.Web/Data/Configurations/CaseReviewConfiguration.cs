using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class CaseReviewConfiguration : IEntityTypeConfiguration<CaseReview>
{
    public void Configure(EntityTypeBuilder<CaseReview> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(100).IsRequired();
        builder.Property(r => r.TermsOfReference).HasMaxLength(8000);
        builder.Property(r => r.Scope).HasMaxLength(4000);
        builder.Property(r => r.PanelMembers).HasMaxLength(2000);
        builder.Property(r => r.IndependentReviewerUserId).HasMaxLength(450);
        builder.Property(r => r.PublicationSignedOffByUserId).HasMaxLength(450);
        builder.Property(r => r.FindingsSharedWithBoardByUserId).HasMaxLength(450);
        builder.Property(r => r.ClosureReason).HasMaxLength(CaseReview.ReasonMaxLength);
        builder.Property(r => r.ReopeningReason).HasMaxLength(CaseReview.ReasonMaxLength);
        builder.Property(r => r.RapidReviewDecisionReasons).HasMaxLength(4000);
        builder.HasIndex(r => new { r.PartnershipId, r.Stage });
        builder.HasIndex(r => r.IndependentReviewerUserId);
        builder.HasIndex(r => r.RapidReviewId).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RapidReview>().WithMany().HasForeignKey(r => r.RapidReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.IndependentReviewerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Agencies).WithOne().HasForeignKey(a => a.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Agencies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.CaseReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseReviewAgencyConfiguration : IEntityTypeConfiguration<CaseReviewAgency>
{
    public void Configure(EntityTypeBuilder<CaseReviewAgency> builder)
    {
        builder.HasKey(a => new { a.CaseReviewId, a.AgencyId });
        builder.HasIndex(a => a.AgencyId);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        // Findings join a review already saved: the key is the domain's, never the database's.
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Text).HasMaxLength(4000).IsRequired();
        builder.Property(f => f.Recommendation).HasMaxLength(4000);
        builder.Property(f => f.BoardResponse).HasMaxLength(4000);
        builder.HasIndex(f => new { f.CaseReviewId, f.Number }).IsUnique();
        builder.HasMany(f => f.Themes).WithOne().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FindingThemeConfiguration : IEntityTypeConfiguration<FindingTheme>
{
    public void Configure(EntityTypeBuilder<FindingTheme> builder)
    {
        builder.HasKey(t => new { t.FindingId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(t => new { t.PartnershipId, t.Name }).IsUnique();
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
