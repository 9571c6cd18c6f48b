using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeguardingLearning.Web.Data;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Audit;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reminders;
using SafeguardingLearning.Web.Domain.SelfAssessments;
using SafeguardingLearning.Web.Email;

namespace SafeguardingLearning.Web.Features.SelfAssessments;

/// <summary>What an import did.</summary>
public sealed record SchoolImportResult(int Added, int Updated, int Joined, int LeadsInvited, int NewlyInvitedToCycle);

/// <summary>
/// The bulk school import for a Section 175/157 cycle. <see cref="PlanAsync"/> matches a file's rows
/// against what the service knows in a fixed number of queries (never one a row);
/// <see cref="ImportAsync"/> imports the plan's rows in one transaction: new schools become
/// members of the partnership, a school of the partnership known only here takes the file's name
/// and head teacher's email, each school's designated safeguarding lead is invited as its agency
/// lead (as <c>InvitePerson</c> invites one person: a new account is emailed a link to set its
/// password, an existing one is told of its new role), and the schools are invited to the cycle
/// (emailed at once if the cycle is open). The same file again changes nothing.
/// </summary>
public sealed class SchoolImport(AppDbContext db, UserManager<ApplicationUser> users, CycleInvitations invitations, TimeProvider clock, IOptions<EmailOptions> email)
{
    public async Task<SchoolImportPlan> PlanAsync(SchoolFile file, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var urns = file.Rows.Select(r => r.Urn).ToList();
        var names = file.Rows.Select(r => r.Name).ToList();
        var emails = file.Rows.Select(r => users.NormalizeEmail(r.DslEmail)).ToList();

        // Agencies are shared by the partnerships they belong to: a school another partnership
        // imported is found by its URN, and a name is unique across the service.
        var known = await db.PartnerAgencies.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Urn != null && urns.Contains(a.Urn))
            .Select(a => new KnownSchool(
                a.Id, a.Name, a.Urn!, a.Kind, a.HeadTeacherEmail,
                db.PartnershipAgencies.IgnoreQueryFilters().Any(m => m.AgencyId == a.Id && m.PartnershipId == partnershipId),
                db.PartnershipAgencies.IgnoreQueryFilters().Any(m => m.AgencyId == a.Id && m.PartnershipId != partnershipId)))
            .ToListAsync(cancellationToken);
        var taken = (await db.PartnerAgencies.IgnoreQueryFilters().AsNoTracking()
            .Where(a => names.Contains(a.Name))
            .Select(a => new { a.Name, a.Urn })
            .ToListAsync(cancellationToken)).Select(a => (a.Name, a.Urn)).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.Email, Membership = db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == u.Id && m.PartnershipId == partnershipId).Select(m => new { m.Role, m.AgencyId }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return SchoolImportPlan.Make(file, known, taken, [.. people.Select(p => new KnownPerson(p.Email!, p.Id, p.Membership == null ? null : p.Membership.Role, p.Membership == null ? null : p.Membership.AgencyId))]);
    }

    /// <summary>Imports the plan's rows and invites the schools to the cycle, all in one transaction.</summary>
    public async Task<SchoolImportResult> ImportAsync(SchoolImportPlan plan, AssessmentCycle cycle, string partnershipName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cycle);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DisplayDates.Today(clock);
        var partnershipId = cycle.PartnershipId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partnership = await db.Partnerships.Include(p => p.Agencies).SingleAsync(p => p.Id == partnershipId, cancellationToken);
        var existingIds = plan.Schools.Where(s => s.ExistingId is not null).Select(s => s.ExistingId!.Value).ToList();
        var existing = await db.PartnerAgencies.IgnoreQueryFilters().Where(a => existingIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var emails = plan.Schools.Where(s => s.Lead == LeadAction.GiveRole).Select(s => users.NormalizeEmail(s.Row.DslEmail)).ToList();
        var accounts = await db.Users.Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).ToDictionaryAsync(u => u.NormalizedEmail!, cancellationToken);
        var baseUrl = email.Value.PublicBaseUrl?.TrimEnd('/') ?? string.Empty;

        var (added, updated, joined, leads) = (0, 0, 0, 0);
        var schools = new List<CycleInviteeChoice>();
        foreach (var planned in plan.Schools)
        {
            var row = planned.Row;
            PartnerAgency school;
            switch (planned.School)
            {
                case SchoolAction.Add:
                    school = PartnerAgency.School(row.Name, row.Urn, row.HeadTeacherEmail);
                    db.PartnerAgencies.Add(school);
                    partnership.AddMember(school);
                    added++;
                    break;
                case SchoolAction.Join:
                    school = existing[planned.ExistingId!.Value];
                    partnership.AddMember(school);
                    joined++;
                    break;
                case SchoolAction.Update:
                    school = existing[planned.ExistingId!.Value];
                    school.ChangeSchool(row.Name, row.HeadTeacherEmail);
                    updated++;
                    break;
                default:
                    school = existing[planned.ExistingId!.Value];
                    break;
            }

            schools.Add(new CycleInviteeChoice(school.Id, school.Name, school.Kind));
            if (planned.Lead == LeadAction.Unchanged)
            {
                continue;
            }

            leads++;
            var address = row.DslEmail;
            string subject, body;
            ApplicationUser user;
            if (planned.Lead == LeadAction.GiveRole)
            {
                user = accounts[users.NormalizeEmail(address)];
                subject = "You have a new role in Safeguarding Learning";
                body = $"You now have a role in {partnershipName} on Safeguarding Learning, as the designated safeguarding lead of {school.Name}.\n\nSign in:\n{baseUrl}/sign-in\n";
            }
            else
            {
                // As UserManager.CreateAsync would make it, without a save of its own: the account is
                // saved with the rest of the import or not at all.
                user = new ApplicationUser { UserName = address, Email = address, DisplayName = $"Designated safeguarding lead, {school.Name}" };
                user.NormalizedUserName = users.NormalizeName(address);
                user.NormalizedEmail = users.NormalizeEmail(address);
                user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
                db.Users.Add(user);
                var token = await users.GeneratePasswordResetTokenAsync(user);
                subject = "You have been invited to Safeguarding Learning";
                body = $"You have been invited to Safeguarding Learning by {partnershipName}, as the designated safeguarding lead of {school.Name}.\n\n" +
                       $"Set your password within 3 days:\n{baseUrl}/invitation?user={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}\n";
            }

            db.Memberships.Add(new PartnershipMembership(user.Id, partnershipId, Role.AgencyLead, school.Id));
            db.RecordEvent(AuditAction.Invited, nameof(ApplicationUser), user.Id, new { role = nameof(Role.AgencyLead), importedFor = school.Name });
            db.OutboxEmails.Add(new OutboxEmail(address, subject, body, now));
        }

        var newlyInvited = cycle.Invite(schools);
        await db.SaveChangesAsync(cancellationToken);

        // The cycle's emails go to the leads just added too, so they are sent once the roles are saved.
        if (await invitations.InviteAsync(cycle, today, now, cancellationToken) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchoolImportResult(added, updated, joined, leads, newlyInvited.Count);
    }
}
