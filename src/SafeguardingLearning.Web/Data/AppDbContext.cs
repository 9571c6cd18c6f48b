using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// The data layer. Each database provider has its own derived context with its own migrations
/// (docs/adr/0002); the model is the same and provider-neutral.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    public DbSet<PartnerAgency> PartnerAgencies => Set<PartnerAgency>();

    public DbSet<PartnershipAgency> PartnershipAgencies => Set<PartnershipAgency>();

    public DbSet<PartnershipMembership> Memberships => Set<PartnershipMembership>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and identical on every provider.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }
}
