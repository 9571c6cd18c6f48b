using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>Behind a TLS proxy the audit trail records the person's address, told only by a proxy named in settings.</summary>
public class ForwardedHeadersTests
{
    private const string PersonAddress = "203.0.113.7";

    private static async Task<string?> AuditedAddressOfAFailedSignIn(TestApplication app)
    {
        var session = app.NewSession();
        session.DefaultRequestHeaders.Add("X-Forwarded-For", PersonAddress);
        session.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await session.PostForm("/sign-in", new() { ["Email"] = "board@northshire.example", ["Password"] = "Not-the-password-2026" });
        return await app.Query(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignInFailed).OrderByDescending(e => e.Sequence).Select(e => e.IpAddress).FirstAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_known_proxy_tells_the_audit_trail_the_persons_address(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" });

        Assert.Equal(PersonAddress, await AuditedAddressOfAFailedSignIn(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));

        Assert.Equal("127.0.0.1", await AuditedAddressOfAFailedSignIn(app));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_request_from_an_address_that_is_not_the_proxy_is_not_believed(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" });

        Assert.Equal("127.0.0.1", await AuditedAddressOfAFailedSignIn(app));
    }
}
