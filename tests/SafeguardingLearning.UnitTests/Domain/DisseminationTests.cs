using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.Deadlines;
using SafeguardingLearning.Web.Domain.Dissemination;
using SafeguardingLearning.Web.Domain.Learning;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain;

public class DisseminationTests
{
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();
    private static readonly HashSet<Guid> PartnershipAgencies = [Police, Health, School];
    private static readonly DateOnly Today = new(2026, 12, 31);
    private static readonly DateTime Now = new(2026, 12, 31, 9, 0, 0, DateTimeKind.Utc);
    private static readonly WorkingDayCalendar Calendar = new([new(2026, 12, 25), new(2026, 12, 28), new(2027, 1, 1)]);
    private static readonly LearningSource ChildP = new(LearningSource.Review, Guid.NewGuid());

    private static DisseminationRecord Briefing(DateOnly? on = null, DateOnly? confirmBy = null, params Guid[] agencies) =>
        DisseminationRecord.Record(Guid.NewGuid(), ChildP, DisseminationKind.SevenMinuteBriefing, "7-minute briefing: Child P", "Hearing the child", on ?? new(2026, 12, 18),
            agencies.Length == 0 ? [Police, Health] : agencies, PartnershipAgencies, "Frontline practitioners", confirmBy, Calendar, "manager", Now, Today);

    private static DisseminationConfirmation Of(DisseminationRecord record, Guid agency) => record.Confirmations.Single(c => c.AgencyId == agency);

    private static void ConfirmAs(DisseminationRecord record, Guid agency, Role role = Role.AgencyLead, Guid? agencyOfPerson = null, LearningUse? use = LearningUse.SharedInTeamMeetings, DateOnly? usedOn = null, string? evidence = "Team meeting minutes, 22 December") =>
        Of(record, agency).Confirm(record, role, agencyOfPerson ?? agency, new(2026, 12, 21), use, usedOn ?? new(2026, 12, 22), evidence, "lead", Now, Today);

    [Fact]
    public void Agencies_confirm_by_twenty_working_days_after_by_default_skipping_the_bank_holidays()
    {
        // Friday 18 December 2026: 20 working days, less Christmas Day, Boxing Day's substitute and New Year's Day.
        Assert.Equal(new DateOnly(2027, 1, 20), Briefing().ConfirmBy);
        Assert.Equal(new DateOnly(2027, 1, 20), DisseminationRecord.DefaultConfirmBy(Calendar, new(2026, 12, 18)));
        Assert.Equal(new DateOnly(2027, 1, 15), new WorkingDayCalendar([]).AddWorkingDays(new(2026, 12, 18), 20));
    }

    [Fact]
    public void A_date_to_confirm_by_given_is_kept_and_may_not_be_before_it_was_sent()
    {
        Assert.Equal(new DateOnly(2027, 1, 8), Briefing(confirmBy: new(2027, 1, 8)).ConfirmBy);
        var error = Assert.Throws<DomainRuleException>(() => Briefing(confirmBy: new(2026, 12, 17)));
        Assert.Equal(nameof(DisseminationRecord.ConfirmBy), error.Field);
    }

    [Fact]
    public void Each_agency_sent_to_gets_one_unconfirmed_confirmation()
    {
        var record = Briefing(null, null, Police, Health, Police);
        Assert.Equal([Police, Health], record.Confirmations.Select(c => c.AgencyId));
        Assert.All(record.Confirmations, c => Assert.False(c.IsConfirmed));
        Assert.All(record.Confirmations, c => Assert.Equal((record.PartnershipId, record.Id), (c.PartnershipId, c.DisseminationRecordId)));
    }

    [Fact]
    public void It_must_go_to_at_least_one_agency_of_the_partnership_and_every_missing_answer_is_named()
    {
        var none = Assert.Throws<DomainRuleException>(() => DisseminationRecord.Record(Guid.NewGuid(), ChildP, null, " ", null, new(2026, 12, 18), [], PartnershipAgencies, "", null, Calendar, "m", Now, Today));
        Assert.Equal(["Kind", "Title", "Description", "Agencies", "Audiences"], none.All.Select(e => e.Field));
        Assert.Equal("Choose at least one agency it was sent to", none.All.Single(e => e.Field == "Agencies").Message);
        var elsewhere = Assert.Throws<DomainRuleException>(() => Briefing(null, null, Police, Guid.NewGuid()));
        Assert.Equal("Agencies", elsewhere.Field);
    }

    [Fact]
    public void It_cannot_be_recorded_as_sent_in_the_future()
    {
        var error = Assert.Throws<DomainRuleException>(() => Briefing(on: Today.AddDays(1)));
        Assert.Equal(nameof(DisseminationRecord.DisseminatedOn), error.Field);
    }

    [Theory]
    [InlineData(AttachmentKind.Png)]
    [InlineData(AttachmentKind.Jpeg)]
    public void The_document_is_a_word_document_or_a_pdf_only(AttachmentKind kind)
    {
        var record = Briefing();
        Assert.Equal("Document", Assert.Throws<DomainRuleException>(() => record.AttachDocument("briefing.png", kind, 10)).Field);
        record.AttachDocument(@"C:\briefings\7MB Child P.pdf", AttachmentKind.Pdf, 10);
        Assert.Equal("7MB Child P.pdf", record.DocumentFileName);
    }

    [Fact]
    public void Only_a_lead_of_the_agency_it_was_sent_to_may_confirm()
    {
        var record = Briefing();
        Assert.Equal(DisseminationConfirmation.OnlyTheAgencyMessage, Assert.Throws<DomainRuleException>(() => ConfirmAs(record, Police, agencyOfPerson: Health)).Message);
        Assert.Throws<DomainRuleException>(() => ConfirmAs(record, Police, role: Role.BusinessUnit));
        Assert.Throws<DomainRuleException>(() => ConfirmAs(record, Police, role: Role.IndependentChair));
        Assert.False(Of(record, Police).IsConfirmed);

        ConfirmAs(record, Police);
        Assert.True(Of(record, Police).IsConfirmed);
        Assert.Equal((new DateOnly(2026, 12, 21), LearningUse.SharedInTeamMeetings, new DateOnly(2026, 12, 22)), (Of(record, Police).ReceivedOn, Of(record, Police).Use, Of(record, Police).UsedOn));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Evidence_is_required(string? evidence)
    {
        var record = Briefing();
        var error = Assert.Throws<DomainRuleException>(() => ConfirmAs(record, Police, use: LearningUse.IncludedInTraining, evidence: evidence));
        Assert.Equal(nameof(DisseminationConfirmation.Evidence), error.Field);
        Assert.False(Of(record, Police).IsConfirmed);
    }

    [Fact]
    public void Shared_in_team_meetings_needs_the_meetings_date_and_other_uses_keep_none()
    {
        var record = Briefing();
        var missing = Assert.Throws<DomainRuleException>(() => Of(record, Police).Confirm(record, Role.AgencyLead, Police, new(2026, 12, 21), LearningUse.SharedInTeamMeetings, null, "Minutes", "lead", Now, Today));
        Assert.Equal(nameof(DisseminationConfirmation.UsedOn), missing.Field);
        Of(record, Police).Confirm(record, Role.AgencyLead, Police, new(2026, 12, 21), LearningUse.ProcedureChanged, new(2026, 12, 22), "Procedure 4.2 updated", "lead", Now, Today);
        Assert.Null(Of(record, Police).UsedOn);
    }

    [Fact]
    public void It_cannot_be_received_before_it_was_sent_nor_in_the_future()
    {
        var record = Briefing();
        Assert.Equal("ReceivedOn", Assert.Throws<DomainRuleException>(() => Of(record, Police).Confirm(record, Role.AgencyLead, Police, new(2026, 12, 17), LearningUse.Other, null, "E", "l", Now, Today)).Field);
        Assert.Equal("ReceivedOn", Assert.Throws<DomainRuleException>(() => Of(record, Police).Confirm(record, Role.AgencyLead, Police, Today.AddDays(1), LearningUse.Other, null, "E", "l", Now, Today)).Field);
    }

    [Fact]
    public void A_confirmation_can_be_corrected_by_the_agency()
    {
        var record = Briefing();
        ConfirmAs(record, Police);
        Of(record, Police).Confirm(record, Role.AgencyLead, Police, new(2026, 12, 21), LearningUse.IncludedInTraining, null, "Added to the January course", "another lead", Now, Today);
        Assert.Equal((LearningUse.IncludedInTraining, "Added to the January course", "another lead"), (Of(record, Police).Use, Of(record, Police).Evidence, Of(record, Police).ConfirmedByUserId));
    }

    [Fact]
    public void Reach_counts_the_agencies_that_confirmed_of_those_sent_to()
    {
        var record = Briefing(null, null, Police, Health, School);
        Assert.Equal("0 of 3 agencies confirmed", DisseminationRecord.ReachOf(record.Confirmations).ToString());
        ConfirmAs(record, Police);
        ConfirmAs(record, School);
        Assert.Equal(new DisseminationReach(2, 3), DisseminationRecord.ReachOf(record.Confirmations));
        Assert.Equal("2 of 3 agencies confirmed", DisseminationRecord.ReachOf(record.Confirmations).ToString());
        Assert.Equal("1 of 1 agency confirmed", new DisseminationReach(1, 1).ToString());
    }

    [Fact]
    public void Each_unconfirmed_agency_owes_a_deadline_of_its_own_until_it_confirms()
    {
        var record = Briefing();
        var deadlines = record.OpenDeadlines(record.Confirmations).ToList();
        Assert.Equal([DeadlineOwner.Agency(Police), DeadlineOwner.Agency(Health)], deadlines.Select(d => d.Owner));
        Assert.All(deadlines, d => Assert.Equal((record.ConfirmBy, DisseminationRecord.ConfirmationDeadlineKind, $"/dissemination/{record.Id}/confirm"), (d.DueOn, d.Kind, d.Link)));
        Assert.Equal(record.Confirmations.Select(c => c.Id), deadlines.Select(d => d.SubjectId));

        ConfirmAs(record, Police);
        Assert.Equal([DeadlineOwner.Agency(Health)], record.OpenDeadlines(record.Confirmations).Select(d => d.Owner));
        Assert.True(Of(record, Health).IsOverdue(record.ConfirmBy, record.ConfirmBy.AddDays(1)));
        Assert.False(Of(record, Health).IsOverdue(record.ConfirmBy, record.ConfirmBy));
        Assert.False(Of(record, Police).IsOverdue(record.ConfirmBy, record.ConfirmBy.AddDays(1)));
    }

    [Fact]
    public void A_change_may_add_an_agency_or_take_off_an_unconfirmed_one_but_never_one_that_confirmed()
    {
        var record = Briefing(null, null, Police, Health);
        ConfirmAs(record, Police);
        var names = new Dictionary<Guid, string> { [Police] = "Northshire Police", [Health] = "Health" };

        var refused = Assert.Throws<DomainRuleException>(() => record.Change(DisseminationKind.Newsletter, "New title", "Hearing the child", new(2026, 12, 18), [Health, School], PartnershipAgencies, "All staff", null, Calendar, Today, names));
        Assert.Equal(("Agencies", "Northshire Police has confirmed it was received and used, so cannot be taken off: the confirmation is the evidence"), (refused.Field, refused.Message));
        Assert.Equal("7-minute briefing: Child P", record.Title);
        Assert.Equal([Police, Health], record.Confirmations.Select(c => c.AgencyId));

        record.Change(DisseminationKind.Newsletter, "New title", "Hearing the child", new(2026, 12, 18), [Police, School], PartnershipAgencies, "All staff", null, Calendar, Today, names);
        Assert.Equal(("New title", DisseminationKind.Newsletter), (record.Title, record.Kind));
        Assert.Equal([Police, School], record.Confirmations.Select(c => c.AgencyId));
        Assert.True(Of(record, Police).IsConfirmed);
        Assert.False(Of(record, School).IsConfirmed);
    }

    [Fact]
    public void A_chase_goes_to_each_unconfirmed_agency_once_a_day_and_none_to_chase_is_refused()
    {
        var record = Briefing(null, null, Police, Health, School);
        ConfirmAs(record, Police);

        var chases = record.Chase(record.Confirmations, new HashSet<Guid> { School }, "manager", Now, Today);
        Assert.Equal([Health], chases.Select(c => c.AgencyId));
        Assert.Equal((Today, "manager", record.Id), (chases[0].ChasedOn, chases[0].ChasedByUserId, chases[0].DisseminationRecordId));
        var asked = Assert.Single(record.AskedBy(chases));
        // A chase asks for the agency's own open confirmation, the deadline its reminders are kept for until it confirms.
        Assert.Equal((DisseminationRecord.ConfirmationDeadlineKind, Of(record, Health).Id, DeadlineOwner.Agency(Health), record.ConfirmBy), (asked.Kind, asked.SubjectId, asked.Owner, asked.DueOn));
        Assert.Contains(record.OpenDeadlines(record.Confirmations), d => (d.Kind, d.SubjectId, d.DueOn) == (asked.Kind, asked.SubjectId, asked.DueOn));

        ConfirmAs(record, Health);
        ConfirmAs(record, School);
        Assert.Throws<DomainRuleException>(() => record.Chase(record.Confirmations, new HashSet<Guid>(), "manager", Now, Today));
    }
}
