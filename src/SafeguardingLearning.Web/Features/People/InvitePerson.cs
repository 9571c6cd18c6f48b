using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Email;
using SafeguardingLearning.Web.Features.ExternalSignIn;
using SafeguardingLearning.Web.Features.Shared;

namespace SafeguardingLearning.Web.Features.People;

public sealed class InvitePersonForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Role { get; set; }

    public Guid? AgencyId { get; set; }

    /// <summary>The key of the OpenID Connect provider the person signs in with, or empty for a password.</summary>
    public string? SignInWith { get; set; }

    /// <summary>Made when the form was shown, so that submitting it twice invites once.</summary>
    public Guid? SubmissionKey { get; set; }
}

public sealed class InvitePersonFormValidator : AbstractValidator<InvitePersonForm>
{
    public InvitePersonFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the person's full name")
            .MaximumTextLength(200, "The name must be 200 characters or fewer");
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the person's work email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com")
            .MaximumTextLength(256, "The email address must be 256 characters or fewer");
        RuleFor(f => f.Role).NotEmpty().WithMessage("Choose the person's role")
            .IsEnumName(typeof(Role)).WithMessage("Choose the person's role");
        RuleFor(f => f.AgencyId).NotEmpty().When(f => f.Role == nameof(Domain.Access.Role.AgencyLead))
            .WithMessage("Choose the agency this agency lead answers for");
    }
}

/// <summary>
/// Invites a person into the current partnership: a new account gets an email with a link to set
/// a password (valid three days); a person who already has an account elsewhere is given a role here.
/// Nobody registers themselves.
/// </summary>
public sealed class InvitePerson(AppDbContext db, UserManager<ApplicationUser> users, IEmailSender email, ExternalSignInProviders providers)
{
    /// <summary>
    /// Adds the person's role (not saved: the caller saves it with the form) and makes their email,
    /// sent once the role is saved. A problem with the person is refused as a rule about the email address.
    /// </summary>
    public async Task<Invitation> Prepare(InvitePersonForm form, Guid partnershipId, string partnershipName, string publicBaseUrl)
    {
        var role = Enum.Parse<Role>(form.Role!);
        var agencyId = role == Domain.Access.Role.AgencyLead ? form.AgencyId : null;
        if (agencyId is not null && !await db.PartnerAgencies.AnyAsync(a => a.Id == agencyId && a.IsActive))
        {
            throw new DomainRuleException("Choose one of the partnership's active agencies", nameof(InvitePersonForm.Email));
        }

        var signInWith = string.IsNullOrEmpty(form.SignInWith) ? null : providers.ByKey(form.SignInWith);
        if (!string.IsNullOrEmpty(form.SignInWith) && (signInWith is null || signInWith.Partnership != partnershipName))
        {
            throw new DomainRuleException("Choose how the person signs in from the list", nameof(InvitePersonForm.SignInWith));
        }

        if (signInWith?.Agency is { Length: > 0 } servedAgency
            && (agencyId is null || !await db.PartnerAgencies.AnyAsync(a => a.Id == agencyId && a.Name == servedAgency)))
        {
            throw new DomainRuleException($"{signInWith.DisplayName} serves only {servedAgency}'s agency leads", nameof(InvitePersonForm.SignInWith));
        }

        var address = form.Email!.Trim();
        var user = await users.FindByEmailAsync(address);
        if (user is not null && await db.Memberships.AnyAsync(m => m.UserId == user.Id))
        {
            throw new DomainRuleException($"{address} already has a role in {partnershipName}", nameof(InvitePersonForm.Email));
        }

        string subject, body;
        if (signInWith is not null)
        {
            if (user is null)
            {
                // No password: the account opens only through the identity the invitation links.
                user = new ApplicationUser { UserName = address, Email = address, DisplayName = form.Name!.Trim() };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new DomainRuleException(string.Join(". ", created.Errors.Select(e => e.Description)), nameof(InvitePersonForm.Email));
                }
            }

            var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, ExternalSignInController.LinkPurpose(signInWith));
            subject = "You have been invited to Safeguarding Learning";
            body = $"You have been invited to Safeguarding Learning by {partnershipName}. You will sign in with your {signInWith.DisplayName} account.\n\n" +
                   $"Within 3 days, follow this link and sign in with {signInWith.DisplayName}:\n" +
                   $"{publicBaseUrl}/invitation/sign-in-with?user={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}&provider={Uri.EscapeDataString(signInWith.Key)}\n";
        }
        else if (user is null)
        {
            user = new ApplicationUser { UserName = address, Email = address, DisplayName = form.Name!.Trim() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new DomainRuleException(string.Join(". ", created.Errors.Select(e => e.Description)), nameof(InvitePersonForm.Email));
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            subject = "You have been invited to Safeguarding Learning";
            body = $"You have been invited to Safeguarding Learning by {partnershipName}.\n\n" +
                   $"Set your password within 3 days:\n{publicBaseUrl}/invitation?user={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}\n";
        }
        else
        {
            subject = "You have a new role in Safeguarding Learning";
            body = $"You now have a role in {partnershipName} on Safeguarding Learning.\n\nSign in:\n{publicBaseUrl}/sign-in\n";
        }

        var membership = new PartnershipMembership(user.Id, partnershipId, role, agencyId);
        db.Memberships.Add(membership);
        db.RecordEvent(AuditAction.Invited, nameof(ApplicationUser), user.Id, signInWith is null ? new { role = role.ToString() } : (object)new { role = role.ToString(), signsInWith = signInWith.DisplayName });
        return new Invitation(membership.Id, address, subject, body);
    }

    public Task Send(Invitation invitation) => email.SendAsync(invitation.Address, invitation.Subject, invitation.Body);
}

/// <summary>A role added for an invited person, and the email that tells them.</summary>
public sealed record Invitation(Guid MembershipId, string Address, string Subject, string Body);
