using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.IntegrationTests;

public class AuditTrailTests(ApplicationsFixture apps) : IClassFixture<ApplicationsFixture>
{
    private static async Task<int> Execute(AppDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        if (command.Connection!.State != System.Data.ConnectionState.Open)
        {
            await command.Connection.OpenAsync();
        }

        return await command.ExecuteNonQueryAsync();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_database_refuses_to_update_or_delete_audit_rows(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.SignInAs("manager@northshire.example");
        var before = await app.Query(db => db.AuditEntries.CountAsync());

        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var update = await Record.ExceptionAsync(() => Execute(db, "UPDATE \"AuditEntries\" SET \"Changes\" = 'rewritten'"));
            var delete = await Record.ExceptionAsync(() => Execute(db, "DELETE FROM \"AuditEntries\""));

            Assert.Contains("The audit trail cannot be changed or deleted", update?.Message, StringComparison.Ordinal);
            Assert.Contains("The audit trail cannot be changed or deleted", delete?.Message, StringComparison.Ordinal);
        });

        Assert.Equal(before, await app.Query(db => db.AuditEntries.CountAsync()));
        Assert.Null(await app.AuditChainBreak());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_tampered_row_is_found_by_the_verifier(DatabaseProvider provider)
    {
        await using var app = new TestApplication(await TestDatabase.CreateAsync(provider));
        var admin = await app.SignInAs("admin@northshire.example");
        var target = await app.Query(db => db.AuditEntries.OrderBy(a => a.Sequence).Skip(3).Select(a => a.Sequence).FirstAsync());

        // Someone with the database owner's rights drops the protection and edits a row.
        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var dropTrigger = provider switch
            {
                DatabaseProvider.Sqlite => "DROP TRIGGER \"AuditEntries_no_update\"",
                DatabaseProvider.PostgreSql => "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_entries_no_update_or_delete",
                _ => "DISABLE TRIGGER [AuditEntries_no_update] ON [AuditEntries]",
            };
            await Execute(db, dropTrigger);
            await Execute(db, $"UPDATE \"AuditEntries\" SET \"Changes\" = '{{\"rewritten\":true}}' WHERE \"Sequence\" = {target}");
        });

        var report = await admin.GetPage("/audit/verify");

        Assert.Equal("The audit trail has been tampered with", report.QuerySelector(".govuk-error-summary__title")?.TextContent.Trim());
        Assert.StartsWith($"Entry {target} has been altered", report.QuerySelector("#first-break")?.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_save_that_fails_writes_no_audit_and_leaves_the_chain_whole_for_the_next(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var before = await app.Query(db => db.AuditEntries.CountAsync());

        await app.Seed(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var agency = await db.PartnerAgencies.FirstAsync(a => a.Name == "Northshire Probation");
            ConcurrencyTokens.Expect(db.Entry(agency), "0");
            agency.Change("Northshire Probation Service", agency.Kind, agency.IsActive);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

            db.Entry(agency).State = EntityState.Unchanged;
            db.Partnerships.Add(new Partnership($"Westford {Guid.NewGuid():N}"));
            await db.SaveChangesAsync();
        });

        Assert.Equal(before + 1, await app.Query(db => db.AuditEntries.CountAsync()));
        Assert.Null(await app.AuditChainBreak());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_intact_trail_is_reported_intact(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");

        var report = await admin.GetPage("/audit/verify");

        Assert.Equal("The audit trail is intact", report.QuerySelector(".govuk-panel__title")?.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_change_is_recorded_with_who_when_where_and_the_old_and_new_values(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var name = $"Northshire Youth Justice Service {Guid.NewGuid():N}"[..45];
        var created = await admin.PostForm("/agencies/new", new() { ["Form.Name"] = name, ["Form.Kind"] = "YouthJustice" });
        var agencyUrl = created.RedirectPath()!;
        var agencyId = agencyUrl.Split('/').Last();

        await admin.PostForm($"{agencyUrl}/edit", new() { ["Form.Name"] = name + " (East)", ["Form.Kind"] = "YouthJustice", ["Form.IsActive"] = "true" });

        var adminId = await app.Query(db => db.Users.Where(u => u.Email == "admin@northshire.example").Select(u => u.Id).SingleAsync());
        var entries = await app.Query(db => db.AuditEntries.Where(a => a.EntityType == nameof(PartnerAgency) && a.EntityId == agencyId).OrderBy(a => a.Sequence).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Changed], entries.Select(e => e.Action));
        var change = entries[1];
        Assert.Equal(adminId, change.UserId);
        Assert.False(string.IsNullOrEmpty(change.IpAddress));
        Assert.Equal(DateTimeKind.Utc, change.OccurredAt.Kind);
        Assert.True(DateTime.UtcNow - change.OccurredAt < TimeSpan.FromMinutes(1));
        Assert.Contains($"\"Name\":{{\"from\":\"{name}\",\"to\":\"{name} (East)\"}}", change.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Kind", change.Changes, StringComparison.Ordinal);

        // Business unit staff see the history on the agency's page.
        var manager = await app.SignInAs("manager@northshire.example");
        var page = await manager.GetPage(agencyUrl);
        Assert.Equal(2, page.QuerySelectorAll("#history tbody tr").Length);
        Assert.Contains("Sam Patel", page.QuerySelector("#history")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sign_ins_and_failures_are_audited_without_a_password(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await app.NewSession().PostForm("/sign-in", new() { ["Email"] = "board@northshire.example", ["Password"] = "a wrong password here" });
        await app.SignInAs("board@northshire.example");
        var boardId = await app.Query(db => db.Users.Where(u => u.Email == "board@northshire.example").Select(u => u.Id).SingleAsync());

        var actions = await app.Query(db => db.AuditEntries.Where(a => a.EntityId == boardId).Select(a => a.Action).ToListAsync());
        var text = string.Join(' ', await app.Query(db => db.AuditEntries.Select(a => a.Changes ?? string.Empty).ToListAsync()));

        Assert.Contains(AuditAction.SignInFailed, actions);
        Assert.Contains(AuditAction.SignedIn, actions);
        Assert.DoesNotContain("a wrong password here", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_administrator_searches_the_trail_and_other_roles_cannot(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.SignInAs("admin@northshire.example");
        var manager = await app.SignInAs("manager@northshire.example");

        var results = await admin.GetPage("/audit?Person=manager%40northshire.example&Action=SignedIn");

        Assert.NotEmpty(results.QuerySelectorAll("#history tbody tr"));
        Assert.All(results.QuerySelectorAll("#history tbody tr"), row => Assert.Contains("Mary Okafor", row.TextContent, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/audit")).StatusCode);
    }
}
