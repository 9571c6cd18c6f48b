using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.SelfAssessments;

namespace SafeguardingLearning.UnitTests.Domain.SelfAssessments;

/// <summary>
/// Moderating a return: who may moderate it, moderated ratings per standard on the return's scale,
/// accepted or returned with what must change, the loop and its history, challenge events and the
/// chair's sign-off of the cycle's findings.
/// </summary>
public class ModerationTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 5, 2);

    private static (AssessmentCycle Cycle, FrameworkVersion Version) Cycle()
    {
        var version = FrameworkVersion.CopyOf(DefaultFrameworks.Section11, Northshire, "Section 11", "manager", Now);
        var cycle = new AssessmentCycle(Northshire, version, new CycleDetails("Section 11", new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31), CycleRhythm.Annual, [Police, Health]),
            [new CycleInviteeChoice(Police, "Police", AgencyKind.Police), new CycleInviteeChoice(Health, "Health", AgencyKind.Health)], "manager", Now, Today);
        return (cycle, version);
    }

    private static (SelfAssessmentReturn Return, FrameworkVersion Version, List<string> Keys) Submitted()
    {
        var (cycle, version) = Cycle();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        Submit(r, version);
        return (r, version, [.. version.Standards.Select(s => s.Key)]);
    }

    private static void Submit(SelfAssessmentReturn r, FrameworkVersion version)
    {
        foreach (var q in ReturnQuestion.Of(version))
        {
            r.Answer(q, new AnswerDetails("Green", null, "Evidence", null));
        }

        r.Declare("A. Smith", "Chief Constable", Today);
        r.Submit(new Dictionary<Guid, IReadOnlyList<ReturnQuestion>> { [Northshire] = ReturnQuestion.Of(version) }, Now);
    }

    [Fact]
    public void A_peer_moderator_is_a_lead_of_another_agency_never_of_the_return_s_own()
    {
        var (cycle, _) = Cycle();

        var peer = new ModeratorAssignment(cycle, Police, new ModeratorCandidate("health-lead", Northshire, Role.AgencyLead, Health), "manager", Now);
        Assert.Equal("health-lead", peer.ModeratorUserId);

        var own = Assert.Throws<DomainRuleException>(() => new ModeratorAssignment(cycle, Police, new ModeratorCandidate("police-lead", Northshire, Role.AgencyLead, Police), "manager", Now));
        Assert.Contains("cannot moderate their own agency's return", own.Message, StringComparison.Ordinal);
        Assert.Throws<DomainRuleException>(() => new ModeratorAssignment(cycle, Police, new ModeratorCandidate("chair", Northshire, Role.IndependentChair, null), "manager", Now));
        Assert.Throws<DomainRuleException>(() => new ModeratorAssignment(cycle, Police, new ModeratorCandidate("elsewhere", Guid.NewGuid(), Role.BusinessUnit, null), "manager", Now));
        Assert.Throws<DomainRuleException>(() => new ModeratorAssignment(cycle, Guid.NewGuid(), new ModeratorCandidate("manager", Northshire, Role.BusinessUnit, null), "manager", Now));
    }

    [Fact]
    public void Reassigning_changes_the_moderator_and_counts_but_never_to_the_return_s_own_lead()
    {
        var (cycle, _) = Cycle();
        var assignment = new ModeratorAssignment(cycle, Police, new ModeratorCandidate("health-lead", Northshire, Role.AgencyLead, Health), "manager", Now);

        assignment.Reassign(new ModeratorCandidate("manager2", Northshire, Role.BusinessUnit, null), "manager", Now.AddDays(1));

        Assert.Equal("manager2", assignment.ModeratorUserId);
        Assert.Equal(1, assignment.Reassignments);
        Assert.Throws<DomainRuleException>(() => assignment.Reassign(new ModeratorCandidate("police-lead", Northshire, Role.AgencyLead, Police), "manager", Now));
        Assert.Throws<DomainRuleException>(() => assignment.Reassign(new ModeratorCandidate("manager2", Northshire, Role.BusinessUnit, null), "manager", Now));
        Assert.Equal("manager2", assignment.ModeratorUserId);
    }

    [Fact]
    public void Only_a_submitted_or_resubmitted_share_is_moderated()
    {
        var (cycle, version) = Cycle();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var keys = version.Standards.Select(s => s.Key).ToList();

        Assert.Throws<DomainRuleException>(() => r.ModerateStandard(Northshire, keys, keys[0], "Amber", null, "manager", Now));

        Submit(r, version);
        Assert.NotNull(r.ModerateStandard(Northshire, keys, keys[0], "Amber", "Good evidence", "manager", Now));
        r.Accept(Northshire, "manager", Now);
        Assert.Throws<DomainRuleException>(() => r.ModerateStandard(Northshire, keys, keys[0], "Green", null, "manager", Now));
    }

    [Theory]
    [InlineData("Purple", "Rating")]
    [InlineData(null, "Rating")]
    public void A_moderated_rating_is_one_of_the_return_s_scale(string? rating, string field)
    {
        var (r, _, keys) = Submitted();

        var broken = Assert.Throws<DomainRuleException>(() => r.ModerateStandard(Northshire, keys, keys[0], rating, "Feedback without a rating", "manager", Now));

        Assert.Equal(field, broken.Field);
        Assert.Empty(r.Shares.Single().Moderated);
        Assert.Throws<DomainRuleException>(() => r.ModerateStandard(Northshire, keys, "no-such-standard", "Green", null, "manager", Now));
        Assert.Null(r.ModerateStandard(Northshire, keys, keys[1], " ", " ", "manager", Now));
    }

    [Fact]
    public void Returning_needs_at_least_one_change_with_text()
    {
        var (r, _, keys) = Submitted();

        Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [], "manager", Now));
        Assert.Throws<DomainRuleException>(() => r.ReturnForChanges(Northshire, [new ChangeRequest(keys[0], "  ")], "manager", Now));
        Assert.Equal(ReturnState.Submitted, r.StateFor(Northshire));
    }

    [Fact]
    public void The_loop_keeps_its_history_and_each_round_s_moderated_ratings()
    {
        var (cycle, version) = Cycle();
        var r = new SelfAssessmentReturn(Police, cycle, version.Scale, Now);
        var keys = version.Standards.Select(s => s.Key).ToList();
        Submit(r, version);
        r.ModerateStandard(Northshire, keys, keys[0], "Red", "Training records missing", "health-lead", Now);
        r.ModerateStandard(Northshire, keys, keys[0], "Amber", "Training records partly there", "health-lead", Now);
        r.ReturnForChanges(Northshire, [new ChangeRequest(keys[0], "Add the training records")], "health-lead", Now.AddDays(1));

        Submit(r, version);
        Assert.Equal(ReturnState.Resubmitted, r.StateFor(Northshire));
        r.ModerateStandard(Northshire, keys, keys[0], "Green", "Now evidenced", "health-lead", Now.AddDays(2));
        r.Accept(Northshire, "health-lead", Now.AddDays(3));

        var share = r.Shares.Single();
        Assert.Equal([ShareEventKind.Submitted, ShareEventKind.Returned, ShareEventKind.Resubmitted, ShareEventKind.Accepted], share.Events.Select(e => e.Kind));
        Assert.Equal([1, 1, 2, 2], share.Events.Select(e => e.Submission));
        Assert.Equal("health-lead", share.Events.Single(e => e.Kind == ShareEventKind.Returned).ByUserId);
        var rounds = share.Moderated.Where(m => m.StandardKey == keys[0]).OrderBy(m => m.Round).ToList();
        Assert.Equal([(1, "Amber", false), (2, "Green", true)], rounds.Select(m => (m.Round, m.Rating, m.IsCurrent)));
        Assert.Equal(r.Id, rounds[0].ReturnId);
    }

    [Fact]
    public void A_challenge_event_is_dated_today_or_earlier_and_names_invited_agencies()
    {
        var (cycle, _) = Cycle();

        var held = new ChallengeEvent(cycle, new ChallengeDetails(Today, "Mary Okafor; Priya Shah", [Police], "Police to evidence training"), "manager", Now, Today);
        Assert.Equal([Police], held.AgencyIds);

        var future = Assert.Throws<DomainRuleException>(() => new ChallengeEvent(cycle, new ChallengeDetails(Today.AddDays(1), "x", [Police], "y"), "manager", Now, Today));
        Assert.Equal(nameof(ChallengeEvent.HeldOn), future.Field);
        var empty = Assert.Throws<DomainRuleException>(() => new ChallengeEvent(cycle, new ChallengeDetails(null, " ", [], null), "manager", Now, Today));
        Assert.Equal(4, empty.All.Count());
        Assert.Throws<DomainRuleException>(() => new ChallengeEvent(cycle, new ChallengeDetails(Today, "x", [Guid.NewGuid()], "y"), "manager", Now, Today));
    }

    [Fact]
    public void The_chair_signs_off_only_when_every_invited_return_is_accepted_or_noted_as_not_received()
    {
        var (cycle, _) = Cycle();
        var findings = new CycleFindings(cycle, "Agencies meet most standards", [], "manager", Now);
        InviteeStanding[] waiting = [new(Police, "Police", ReturnState.Accepted), new(Health, "Health", ReturnState.Submitted)];
        InviteeStanding[] missing = [new(Police, "Police", ReturnState.Accepted), new(Health, "Health", null)];

        Assert.Throws<DomainRuleException>(() => findings.SignOff("chair", true, waiting, Now));
        Assert.Throws<DomainRuleException>(() => findings.SignOff("chair", true, missing, Now));

        findings.Write(cycle, "Agencies meet most standards", [Health], "manager", Now);
        Assert.Throws<DomainRuleException>(() => findings.SignOff("manager", false, missing, Now));
        Assert.Single(findings.Outstanding(waiting));
        findings.SignOff("chair", true, missing, Now);

        Assert.True(findings.IsSignedOff);
        Assert.Throws<DomainRuleException>(() => findings.Write(cycle, "Changed afterwards", [], "manager", Now));
        Assert.Throws<DomainRuleException>(() => findings.SignOff("chair", true, missing, Now));
        Assert.Equal("Agencies meet most standards", findings.Text);
    }
}
