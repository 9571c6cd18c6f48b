using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class PartnershipMembershipConfiguration : IEntityTypeConfiguration<PartnershipMembership>
{
    public void Configure(EntityTypeBuilder<PartnershipMembership> builder)
    {
        builder.HasIndex(m => new { m.UserId, m.PartnershipId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnerAgency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
