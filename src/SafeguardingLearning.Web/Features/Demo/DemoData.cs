using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Features.Access;

namespace SafeguardingLearning.Web.Features.Demo;

/// <summary>
/// A fictional partnership to try the service with, seeded in Development only. The password is
/// published in the README and must never be used for real data.
/// </summary>
public static class DemoData
{
    public const string Password = "Northshire-Demo-2026";
    public const string PartnershipName = "Northshire Safeguarding Children Partnership";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@northshire.example", "Sam Patel", Role.Administrator, null),
        new("manager@northshire.example", "Mary Okafor", Role.BusinessUnit, null),
        new("chair@northshire.example", "Jonathan Reeve", Role.IndependentChair, null),
        new("police.lead@northshire.example", "Claire Hughes", Role.AgencyLead, "Northshire Police"),
        new("health.lead@northshire.example", "Priya Shah", Role.AgencyLead, "Northshire NHS Foundation Trust"),
        new("reviewer@northshire.example", "Helen Marsh", Role.IndependentReviewer, null),
        new("board@northshire.example", "Tom Fielding", Role.BoardMember, null),
    ];

    private static readonly (string Name, AgencyKind Kind)[] Agencies =
    [
        ("Northshire Police", AgencyKind.Police),
        ("Northshire NHS Foundation Trust", AgencyKind.Health),
        ("Northshire Integrated Care Board", AgencyKind.Health),
        ("Northshire Council Children's Services", AgencyKind.LocalAuthorityChildrensServices),
        ("Northshire Schools", AgencyKind.Education),
        ("Northshire Probation", AgencyKind.Probation),
        ("Northshire Family Support Network", AgencyKind.VoluntarySector),
    ];

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider);
    }

    /// <summary>Idempotent: does nothing when the demo partnership exists.</summary>
    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Partnerships.AnyAsync(p => p.Name == PartnershipName))
        {
            return;
        }

        var partnership = new Partnership(PartnershipName);
        var agencies = Agencies.Select(a => new PartnerAgency(a.Name, a.Kind)).ToList();
        foreach (var agency in agencies)
        {
            partnership.AddMember(agency);
        }

        db.PartnerAgencies.AddRange(agencies);
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in Accounts)
        {
            var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var agencyId = account.AgencyName is null ? (Guid?)null : agencies.Single(a => a.Name == account.AgencyName).Id;
            db.Memberships.Add(new PartnershipMembership(user.Id, partnership.Id, account.Role, agencyId));
        }

        await db.SaveChangesAsync();
    }
}

public sealed record DemoAccount(string Email, string Name, Role Role, string? AgencyName);
