using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The data layer's own isolation, without any controller: a query for agency-owned records made
/// on behalf of an agency lead returns only their agency's, and nothing outside the partnership.
/// Checked on a record kind made for the test, through the same model conventions the app uses.
/// </summary>
public class AgencyScopeTests
{
    public sealed class AgencySubmission(Guid partnershipId, Guid agencyId, string summary) : IPartnershipOwned, IAgencyOwned
    {
        public Guid Id { get; private set; } = Guid.NewGuid();

        public Guid PartnershipId { get; private set; } = partnershipId;

        public Guid AgencyId { get; private set; } = agencyId;

        public string Summary { get; private set; } = summary;
    }

    private sealed class ScopeTestContext(DbContextOptions options, CurrentScope scope) : AppDbContext(options, scope)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            builder.Entity<AgencySubmission>().Property(s => s.Summary).HasMaxLength(200);
            base.OnModelCreating(builder);
        }
    }

    private static readonly IServiceProvider ChainKeys = new ServiceCollection().AddSingleton(AuditChainKeys.None).BuildServiceProvider();

    private static ScopeTestContext Context(TestDatabase database, CurrentScope scope)
    {
        var options = new DbContextOptionsBuilder<ScopeTestContext>();
        options.Use(database.Provider, database.ConnectionString);
        // Saving writes the audit trail, whose chain asks the app's services for its key.
        options.UseApplicationServiceProvider(ChainKeys);
        return new ScopeTestContext(options.Options, scope);
    }

    private static CurrentScope As(Role role, Guid partnershipId, Guid? agencyId)
    {
        var claims = new List<System.Security.Claims.Claim>
        {
            new(System.Security.Claims.ClaimTypes.NameIdentifier, "someone"),
            new(System.Security.Claims.ClaimTypes.Role, role.ToString()),
            new(Web.Domain.Access.AccessClaims.PartnershipId, partnershipId.ToString()),
        };
        if (agencyId is { } agency)
        {
            claims.Add(new(Web.Domain.Access.AccessClaims.AgencyId, agency.ToString()));
        }

        var scope = new CurrentScope();
        scope.SetPerson(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test")));
        return scope;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_person_sees_only_what_their_partnership_and_agency_allow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (north, south, police, health) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var setup = Context(database, CurrentScope.System()))
        {
            await setup.Database.EnsureCreatedAsync();
            setup.Set<AgencySubmission>().AddRange(
                new AgencySubmission(north, police, "police, north"),
                new AgencySubmission(north, health, "health, north"),
                new AgencySubmission(south, police, "police, south"));
            await setup.SaveChangesAsync();
        }

        async Task<List<string>> Seen(CurrentScope scope)
        {
            await using var db = Context(database, scope);
            return await db.Set<AgencySubmission>().OrderBy(s => s.Summary).Select(s => s.Summary).ToListAsync();
        }

        Assert.Equal(["police, north"], await Seen(As(Role.AgencyLead, north, police)));
        Assert.Equal(["health, north"], await Seen(As(Role.AgencyLead, north, health)));
        Assert.Equal(["police, south"], await Seen(As(Role.AgencyLead, south, police)));
        Assert.Empty(await Seen(As(Role.AgencyLead, north, agencyId: null)));
        Assert.Equal(["health, north", "police, north"], await Seen(As(Role.BusinessUnit, north, null)));
        Assert.Empty(await Seen(new CurrentScope()));
        Assert.Equal(3, (await Seen(CurrentScope.System())).Count);
    }
}
