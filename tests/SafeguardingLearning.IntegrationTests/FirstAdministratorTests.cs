using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.IntegrationTests.Harness;
using SafeguardingLearning.Tests.Shared;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.IntegrationTests;

/// <summary>
/// The first administrator of a new installation, made by the command an operator runs on the
/// server: a partnership and an invitation link, refused once the partnership has an administrator.
/// </summary>
public partial class FirstAdministratorTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_create_admin_command_invites_the_first_administrator_once(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var app = new TestApplication(database); // started at its first request, after the commands
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__SafeguardingLearning"] = database.ConnectionString,
            ["Email__PublicBaseUrl"] = "https://learning.eastshire.example",
            ["Audit__ChainKey"] = TestApplication.TestChainKey,
        };
        string[] command = ["create-admin", "--email", "first.admin@eastshire.example", "--name", "Ada Admin", "--partnership", "Eastshire Safeguarding Children Partnership"];

        var (exitCode, output) = await AppProcess.RunCommandAsync(command, environment);
        Assert.True(exitCode == 0, output);
        var link = new Uri(InvitationLink().Match(output).Value);
        Assert.Equal("learning.eastshire.example", link.Host);

        var again = await AppProcess.RunCommandAsync(command.Select(a => a.Replace("first.admin", "second.admin", StringComparison.Ordinal)).ToList(), environment);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already has an administrator", again.Output, StringComparison.Ordinal);

        var usage = await AppProcess.RunCommandAsync(["create-admin", "--email", "someone@eastshire.example"], environment);
        Assert.Equal(2, usage.ExitCode);

        // The link sets the administrator's password in the running app, and they sign in to their partnership.
        var set = await app.NewSession().PostForm(link.PathAndQuery, new() { ["Password"] = "river otter lantern biscuit", ["ConfirmPassword"] = "river otter lantern biscuit" });
        Assert.Equal("/sign-in", set.RedirectPath());
        await app.SignInAs("first.admin@eastshire.example", "river otter lantern biscuit");
        var roles = await app.Query(db => (
                from m in db.Memberships
                join p in db.Partnerships on m.PartnershipId equals p.Id
                join u in db.Users on m.UserId equals u.Id
                where u.Email!.EndsWith("@eastshire.example")
                select new { u.Email, p.Name, m.Role })
            .ToListAsync());
        Assert.Equal([("first.admin@eastshire.example", "Eastshire Safeguarding Children Partnership", Role.Administrator)], roles.Select(r => (r.Email!, r.Name, r.Role)));
    }

    [GeneratedRegex(@"https?://[^\s]+/invitation\?user=[^\s&]+&code=[^\s]+")]
    private static partial Regex InvitationLink();
}
