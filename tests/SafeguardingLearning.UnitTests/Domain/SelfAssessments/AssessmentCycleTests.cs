using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>Opening a cycle: the partnership's framework version, its own agencies of the right kind, a due date after the opening.</summary>
public class AssessmentCycleTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly CycleInviteeChoice Police = new(Guid.NewGuid(), "Northshire Police", AgencyKind.Police);
    private static readonly CycleInviteeChoice Health = new(Guid.NewGuid(), "Northshire NHS Foundation Trust", AgencyKind.Health);
    private static readonly CycleInviteeChoice School = new(Guid.NewGuid(), "Northshire Primary School", AgencyKind.School);
    private static readonly CycleInviteeChoice[] Members = [Police, Health, School];

    private static FrameworkVersion Version(FrameworkTemplate? template = null, Guid? partnership = null) =>
        FrameworkVersion.CopyOf(template ?? DefaultFrameworks.Section11, partnership ?? Northshire, "Our framework", "manager", Now);

    private static CycleDetails Details(DateOnly? opens = null, DateOnly? due = null, string? title = "Section 11 2026/27", CycleRhythm rhythm = CycleRhythm.Annual, params Guid[] invitees) =>
        new(title, opens ?? new DateOnly(2026, 5, 1), due ?? new DateOnly(2026, 7, 31), rhythm, invitees.Length == 0 ? [Police.AgencyId, Health.AgencyId] : invitees);

    private static AssessmentCycle Open(FrameworkVersion version, CycleDetails details) =>
        new(Northshire, version, details, Members, "manager", Now, Today);

    [Fact]
    public void Opening_a_cycle_invites_the_chosen_agencies_and_freezes_the_version()
    {
        var version = Version();

        var cycle = Open(version, Details());

        Assert.Equal(FrameworkKind.Section11, cycle.Kind);
        Assert.Equal(version.Id, cycle.FrameworkVersionId);
        Assert.Equal([Police.AgencyId, Health.AgencyId], cycle.Invitees.Select(i => i.AgencyId));
        Assert.All(cycle.Invitees, i => Assert.Equal(Northshire, i.PartnershipId));
        Assert.True(version.IsFrozen);
        Assert.Equal(Today, version.FrozenOn);
        Assert.Equal("2026/27", cycle.Window);
    }

    [Theory]
    [InlineData(2026, 7, 31, 2026, 7, 31)]
    [InlineData(2026, 7, 31, 2026, 7, 30)]
    [InlineData(2026, 7, 31, 2026, 1, 1)]
    public void The_due_date_must_be_after_the_opening_date(int oy, int om, int od, int dy, int dm, int dd)
    {
        var version = Version();

        var rule = Assert.Throws<DomainRuleException>(() => Open(version, Details(new DateOnly(oy, om, od), new DateOnly(dy, dm, dd))));

        Assert.Equal(nameof(AssessmentCycle.DueOn), rule.Field);
        Assert.False(version.IsFrozen);
    }

    [Fact]
    public void A_due_date_a_day_after_opening_is_allowed()
    {
        var cycle = Open(Version(), Details(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 2)));

        Assert.Equal(new DateOnly(2026, 5, 2), cycle.DueOn);
    }

    [Fact]
    public void A_cycle_needs_invitees_and_a_title_and_says_both_at_once()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Open(Version(), new CycleDetails(" ", new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), CycleRhythm.Annual, [])));

        Assert.Equal([nameof(AssessmentCycle.Title), nameof(AssessmentCycle.Invitees)], rule.All.Select(r => r.Field));
    }

    [Fact]
    public void An_agency_outside_the_partnership_cannot_be_invited()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Open(Version(), Details(invitees: [Police.AgencyId, Guid.NewGuid()])));

        Assert.Equal(nameof(AssessmentCycle.Invitees), rule.Field);
    }

    [Fact]
    public void A_school_is_not_invited_to_a_section_11_cycle()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Open(Version(), Details(invitees: [Police.AgencyId, School.AgencyId])));

        Assert.Equal(nameof(AssessmentCycle.Invitees), rule.Field);
        Assert.Contains(School.Name, rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_175_cycle_invites_schools_only()
    {
        var version = Version(DefaultFrameworks.Section175);

        Assert.Equal(nameof(AssessmentCycle.Invitees), Assert.Throws<DomainRuleException>(() => Open(version, Details(invitees: [Police.AgencyId]))).Field);
        var cycle = Open(version, Details(invitees: [School.AgencyId]));
        Assert.Equal(FrameworkKind.Section175, cycle.Kind);
    }

    [Fact]
    public void Another_partnerships_version_cannot_be_used()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Open(Version(partnership: Guid.NewGuid()), Details()));

        Assert.Equal(nameof(AssessmentCycle.FrameworkVersionId), rule.Field);
    }

    [Fact]
    public void An_unknown_rhythm_is_refused()
    {
        Assert.Equal(nameof(AssessmentCycle.Rhythm), Assert.Throws<DomainRuleException>(() => Open(Version(), Details(rhythm: (CycleRhythm)9))).Field);
    }

    [Fact]
    public void Inviting_the_same_agency_twice_invites_it_once()
    {
        var cycle = Open(Version(), Details(invitees: [Police.AgencyId, Police.AgencyId]));

        Assert.Single(cycle.Invitees);
    }

    [Theory]
    [InlineData(2027, 3, 31, "2026/27")]
    [InlineData(2026, 4, 1, "2026/27")]
    [InlineData(2026, 3, 31, "2025/26")]
    [InlineData(2099, 12, 1, "2099/00")]
    public void The_window_is_the_april_to_march_year_the_cycle_is_due_in(int year, int month, int day, string window) =>
        Assert.Equal(window, CycleWindow.For(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(CycleRhythm.Annual, 2027)]
    [InlineData(CycleRhythm.RollingThreeYear, 2027)]
    [InlineData(CycleRhythm.Biennial, 2028)]
    public void The_next_cycle_opens_by_the_rhythm(CycleRhythm rhythm, int year)
    {
        var cycle = Open(Version(), Details(rhythm: rhythm));

        Assert.Equal(new DateOnly(year, 5, 1), cycle.NextOpensOn);
    }
}
