using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.People;

namespace SafeguardingLearning.Web.Features.Partnerships;

/// <summary>
/// <c>create-admin --email EMAIL --name NAME --partnership NAME [--force]</c>: creates a partnership
/// (if it is not there) and invites its first administrator, who sets their own password through the
/// invitation link — printed here, and emailed where email is set up. Refused when the partnership
/// already has an administrator, unless forced. Run on the server by whoever installs the service
/// (docs/operations.md); nobody can make themselves an administrator through the web.
/// </summary>
public static class FirstAdministrator
{
    public const string Command = "create-admin";

    public static bool IsRequested(string[] args) => args.FirstOrDefault() == Command;

    /// <returns>The process's exit code: 0 when the invitation was made, 1 when it was refused, 2 for a wrong command line.</returns>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        var partnershipName = Option(args, "--partnership");
        if (email is null || name is null || partnershipName is null)
        {
            Console.Error.WriteLine($"usage: {Command} --email EMAIL --name \"FULL NAME\" --partnership \"PARTNERSHIP NAME\" [--force]");
            return 2;
        }

        var baseUrl = app.Configuration["Email:PublicBaseUrl"]?.TrimEnd('/');
        if (string.IsNullOrWhiteSpace(baseUrl) && !app.Environment.IsDevelopment())
        {
            Console.Error.WriteLine(EmailRegistration.MissingPublicBaseUrl);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentScope>().ActAsSystem(SystemActors.FirstAdministrator);
        var db = services.GetRequiredService<AppDbContext>();
        var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.Name == partnershipName.Trim());
        if (partnership is null)
        {
            partnership = new Partnership(partnershipName);
            db.Partnerships.Add(partnership);
        }
        else if (!args.Contains("--force") && await db.Memberships.AnyAsync(m => m.PartnershipId == partnership.Id && m.Role == Role.Administrator))
        {
            Console.Error.WriteLine($"{partnership.Name} already has an administrator: they invite the others. Add --force to invite another administrator anyway.");
            return 1;
        }

        var form = new InvitePersonForm { Name = name, Email = email, Role = nameof(Role.Administrator) };
        var problems = await services.GetRequiredService<FluentValidation.IValidator<InvitePersonForm>>().ValidateAsync(form);
        if (!problems.IsValid)
        {
            problems.Errors.ForEach(e => Console.Error.WriteLine(e.ErrorMessage));
            return 1;
        }

        baseUrl = string.IsNullOrWhiteSpace(baseUrl) ? "http://localhost:5080" : baseUrl;
        var invite = services.GetRequiredService<InvitePerson>();
        Invitation invitation;
        try
        {
            invitation = await invite.Prepare(form, partnership.Id, partnership.Name, baseUrl);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            Console.Error.WriteLine(rule.Message);
            return 1;
        }

        Console.WriteLine($"{invitation.Address} is invited as the administrator of {partnership.Name}.");
        Console.WriteLine(invitation.Body);
        try
        {
            await invite.Send(invitation);
            Console.WriteLine($"The invitation has been emailed to {invitation.Address}.");
        }
        catch (Exception failure) when (failure is EmailNotSentException or InvalidOperationException)
        {
            Console.WriteLine($"The invitation was not emailed ({failure.Message}): give them the link above.");
        }

        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && !string.IsNullOrWhiteSpace(args[at + 1]) ? args[at + 1] : null;
    }
}
