using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>How often the partnership asks for self-assessments.</summary>
public enum CycleRhythm
{
    Annual,
    Biennial,

    /// <summary>A rolling three-year programme: each year a share of the agencies or schools is asked.</summary>
    RollingThreeYear,
}

public static class CycleRhythms
{
    public static string Describe(CycleRhythm rhythm) => rhythm switch
    {
        CycleRhythm.Annual => "Every year",
        CycleRhythm.Biennial => "Every two years",
        CycleRhythm.RollingThreeYear => "A rolling three-year programme",
        _ => throw new ArgumentOutOfRangeException(nameof(rhythm), rhythm, null),
    };

    /// <summary>When the next cycle of the same rhythm would open: a year on, or two for a biennial one.</summary>
    public static DateOnly NextOpensOn(CycleRhythm rhythm, DateOnly opensOn) =>
        opensOn.AddYears(rhythm == CycleRhythm.Biennial ? 2 : 1);
}

/// <summary>
/// The year a return answers for: the April-to-March year its cycle is due in, written "2026/27".
/// An agency asked by several partnerships for the same kind of assessment in the same year
/// completes one return and shares it with each of them.
/// </summary>
public static class CycleWindow
{
    public static string For(DateOnly dueOn)
    {
        var start = dueOn.Month >= 4 ? dueOn.Year : dueOn.Year - 1;
        return $"{start}/{(start + 1) % 100:00}";
    }
}

/// <summary>An agency or school the business unit may invite: one of the partnership's members, with its kind.</summary>
public sealed record CycleInviteeChoice(Guid AgencyId, string Name, AgencyKind Kind);

/// <summary>What the business unit enters to open a cycle.</summary>
public sealed record CycleDetails(string? Title, DateOnly OpensOn, DateOnly DueOn, CycleRhythm Rhythm, IReadOnlyCollection<Guid> InviteeIds);

/// <summary>
/// A round of self-assessment opened by the business unit: one framework version, the agencies (or
/// schools) asked, when it opens and when returns are due, and how often it comes round. Section 11
/// of the Children Act 2004 and sections 175 and 157 of the Education Act 2002 place the duties; the
/// partnership checks how they are met (Working Together 2023, chapter 2).
/// </summary>
public class AssessmentCycle : IPartnershipOwned, IVersioned, IHiddenFromReviewers
{
    public const int TitleMaxLength = 200;

    private readonly List<CycleInvitee> _invitees = [];

    private AssessmentCycle()
    {
        Title = string.Empty;
        Window = string.Empty;
        CreatedByUserId = string.Empty;
    }

    /// <param name="members">The partnership's member agencies: the only ones the cycle may invite.</param>
    public AssessmentCycle(Guid partnershipId, FrameworkVersion version, CycleDetails details, IReadOnlyCollection<CycleInviteeChoice> members, string createdByUserId, DateTime createdAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(details);
        if (version.PartnershipId != partnershipId)
        {
            throw new DomainRuleException("Choose one of the partnership's framework versions", nameof(FrameworkVersionId));
        }

        Id = Guid.NewGuid();
        PartnershipId = partnershipId;
        FrameworkVersionId = version.Id;
        Kind = version.Kind;
        Title = string.Empty;
        Window = string.Empty;
        CreatedByUserId = createdByUserId;
        CreatedAt = createdAt;
        Set(details, members);
        version.Freeze(today);
    }

    public Guid Id { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid FrameworkVersionId { get; private set; }

    public FrameworkKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly OpensOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public CycleRhythm Rhythm { get; private set; }

    /// <summary>The year the returns answer for (<see cref="CycleWindow"/>): returns are shared between partnerships within it.</summary>
    public string Window { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyCollection<CycleInvitee> Invitees => _invitees;

    public bool IsOpen(DateOnly today) => today >= OpensOn;

    public bool IsOverdue(DateOnly today) => today > DueOn;

    public DateOnly NextOpensOn => CycleRhythms.NextOpensOn(Rhythm, OpensOn);

    public bool Invites(Guid agencyId) => _invitees.Any(i => i.AgencyId == agencyId);

    /// <summary>
    /// Invites more of the partnership's members (schools imported for a Section 175/157 cycle):
    /// those already invited stay as they are. Returns the agencies newly invited.
    /// </summary>
    public IReadOnlyList<CycleInvitee> Invite(IReadOnlyCollection<CycleInviteeChoice> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        if (agencies.FirstOrDefault(m => !FrameworkKinds.Covers(Kind, m.Kind)) is { } wrong)
        {
            throw new DomainRuleException(
                Kind == FrameworkKind.Section175
                    ? $"{wrong.Name} is not a school or college: a Section 175/157 cycle invites schools and colleges"
                    : $"{wrong.Name} is a school: schools are asked in a Section 175/157 cycle, not a Section 11 one",
                nameof(Invitees));
        }

        var added = agencies.Select(a => a.AgencyId).Distinct().Where(id => !Invites(id)).Select(id => new CycleInvitee(this, id)).ToList();
        _invitees.AddRange(added);
        return added;
    }

    private void Set(CycleDetails details, IReadOnlyCollection<CycleInviteeChoice> members)
    {
        var broken = new List<DomainRuleException>();
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            broken.Add(new DomainRuleException("Enter the cycle's title", nameof(Title)));
        }
        else if (details.Title.Trim().Length > TitleMaxLength)
        {
            broken.Add(new DomainRuleException($"The title must be {TitleMaxLength} characters or fewer", nameof(Title)));
        }

        if (details.DueOn <= details.OpensOn)
        {
            broken.Add(new DomainRuleException("The due date must be after the opening date", nameof(DueOn)));
        }

        if (!Enum.IsDefined(details.Rhythm))
        {
            broken.Add(new DomainRuleException("Choose how often the cycle comes round", nameof(Rhythm)));
        }

        var invited = details.InviteeIds.Distinct().ToList();
        var chosen = members.Where(m => invited.Contains(m.AgencyId)).ToList();
        if (invited.Count == 0)
        {
            broken.Add(new DomainRuleException($"Choose the {FrameworkKinds.Assessors(Kind)} to invite", nameof(Invitees)));
        }
        else if (chosen.Count != invited.Count)
        {
            broken.Add(new DomainRuleException("Choose agencies that are members of the partnership", nameof(Invitees)));
        }
        else if (chosen.FirstOrDefault(m => !FrameworkKinds.Covers(Kind, m.Kind)) is { } wrong)
        {
            broken.Add(new DomainRuleException(
                Kind == FrameworkKind.Section175
                    ? $"{wrong.Name} is not a school or college: a Section 175/157 cycle invites schools and colleges"
                    : $"{wrong.Name} is a school: schools are asked in a Section 175/157 cycle, not a Section 11 one",
                nameof(Invitees)));
        }

        DomainRuleException.ThrowIfAny(broken);
        Title = details.Title!.Trim();
        OpensOn = details.OpensOn;
        DueOn = details.DueOn;
        Rhythm = details.Rhythm;
        Window = CycleWindow.For(details.DueOn);
        _invitees.RemoveAll(i => !invited.Contains(i.AgencyId));
        _invitees.AddRange(invited.Where(id => _invitees.All(i => i.AgencyId != id)).Select(id => new CycleInvitee(this, id)));
    }
}

/// <summary>An agency or school asked to assess itself in a cycle.</summary>
public class CycleInvitee : IPartnershipOwned, IHiddenFromReviewers
{
    private CycleInvitee()
    {
    }

    internal CycleInvitee(AssessmentCycle cycle, Guid agencyId)
    {
        AssessmentCycleId = cycle.Id;
        PartnershipId = cycle.PartnershipId;
        AgencyId = agencyId;
    }

    public Guid AssessmentCycleId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>When the agency's leads were emailed that the cycle is open; none until it opens.</summary>
    public DateTime? InvitedAt { get; private set; }

    /// <summary>Who was emailed (their addresses, comma-separated), or why nobody was.</summary>
    public string? InvitedTo { get; private set; }

    /// <summary>When the business unit last chased the agency for its return.</summary>
    public DateTime? LastChasedAt { get; private set; }

    public bool IsInvited => InvitedAt is not null;

    /// <summary>
    /// The record the agency's return deadline and its reminders are keyed by: one per cycle and
    /// agency, the same every time it is worked out.
    /// </summary>
    public Guid SubjectId => CycleInvitees.SubjectOf(AssessmentCycleId, AgencyId);

    /// <summary>Records that the agency's leads were told the cycle is open. Once only: a second call changes nothing.</summary>
    public bool Invited(IReadOnlyCollection<string> emails, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (IsInvited)
        {
            return false;
        }

        InvitedAt = now;
        var to = emails.Count == 0 ? "Nobody: the agency has no active lead" : string.Join(", ", emails.Order(StringComparer.OrdinalIgnoreCase));
        InvitedTo = to.Length > CycleInvitees.InvitedToMaxLength ? to[..(CycleInvitees.InvitedToMaxLength - 3)] + "..." : to;
        return true;
    }

    /// <summary>The business unit chases the agency now: at most once a day.</summary>
    public void Chase(DateTime now)
    {
        if (LastChasedAt is { } last && Calendar.DisplayDates.DayOf(last) == Calendar.DisplayDates.DayOf(now))
        {
            throw new DomainRuleException("This agency has already been chased today: chase it again tomorrow if its return is still not in", nameof(LastChasedAt));
        }

        LastChasedAt = now;
    }
}

public static class CycleInvitees
{
    public const int InvitedToMaxLength = 1000;

    /// <summary>A stable identifier for one agency in one cycle: the two identifiers' bytes combined.</summary>
    public static Guid SubjectOf(Guid cycleId, Guid agencyId)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        cycleId.TryWriteBytes(a);
        agencyId.TryWriteBytes(b);
        for (var i = 0; i < 16; i++)
        {
            a[i] ^= b[(i + 5) % 16];
        }

        return new Guid(a);
    }
}
