using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Access;
using SafeguardingLearning.Web.Domain.Calendar;
using SafeguardingLearning.Web.Domain.PracticeAudits;
using SafeguardingLearning.Web.Domain.Reviews;

namespace SafeguardingLearning.UnitTests.Domain.PracticeAudits;

/// <summary>
/// A single-agency audit reported to the partnership: what a report needs, and its states — reported,
/// acknowledged with themes, or more asked for, sent again with it, then acknowledged.
/// </summary>
public class SingleAgencyAuditTests
{
    private static readonly Guid Northshire = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid Neglect = Guid.NewGuid();
    private static readonly Guid DomesticAbuse = Guid.NewGuid();
    private static readonly Guid[] Themes = [Neglect, DomesticAbuse];
    private static readonly DateTime Now = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 5, 2);
    private static readonly DocumentToAttach Report = new("audit.pdf", AttachmentKind.Pdf, 1200);

    private static SingleAgencyAuditDetails Details(string topic = "Health visiting records on neglect") =>
        new(topic, new DateOnly(2026, 4, 20), 30, "Screening tools were not used in 9 of 21 records.", "Screening at every contact.");

    private static SingleAgencyAudit Reported() => SingleAgencyAudit.Report(Northshire, Health, Details(), [Report], "health.lead", Now, Today);

    [Fact]
    public void A_report_is_reported_to_the_partnership_with_its_document_and_history()
    {
        var audit = Reported();

        Assert.Equal(SingleAgencyAuditState.Reported, audit.State);
        Assert.Equal(Northshire, audit.PartnershipId);
        Assert.Equal(Health, audit.AgencyId);
        Assert.Equal(30, audit.SampleSize);
        var document = Assert.Single(audit.Documents);
        Assert.Equal("audit.pdf", document.FileName);
        Assert.Equal(audit.Id, document.SingleAgencyAuditId);
        Assert.Equal(Health, document.AgencyId);
        Assert.Equal(SingleAgencyAuditEventKind.Reported, Assert.Single(audit.Events).Kind);
        Assert.True(SingleAgencyAuditStates.AwaitsPartnership(audit.State));
    }

    [Fact]
    public void A_report_without_its_details_or_document_names_every_mistake_at_once()
    {
        var refused = Assert.Throws<DomainRuleException>(() =>
            SingleAgencyAudit.Report(Northshire, Health, new SingleAgencyAuditDetails(" ", new DateOnly(2026, 5, 3), 0, "", null), [], "health.lead", Now, Today));

        var fields = refused.All.Select(r => r.Field).ToList();
        Assert.Contains(nameof(SingleAgencyAudit.Topic), fields);
        Assert.Contains(nameof(SingleAgencyAudit.CompletedOn), fields);
        Assert.Contains(nameof(SingleAgencyAudit.SampleSize), fields);
        Assert.Contains(nameof(SingleAgencyAudit.Findings), fields);
        Assert.Contains(nameof(SingleAgencyAudit.Actions), fields);
        Assert.Contains(nameof(SingleAgencyAudit.Documents), fields);
        Assert.Contains(refused.All, r => r.Message == "The date the audit was completed must be today or in the past");
    }

    [Fact]
    public void Acknowledging_links_the_partnership_themes_and_ends_the_agency_changes()
    {
        var audit = Reported();

        audit.Acknowledge([Neglect], Themes, "manager", Now.AddDays(1));

        Assert.Equal(SingleAgencyAuditState.Acknowledged, audit.State);
        Assert.Equal(Neglect, Assert.Single(audit.Themes).ThemeId);
        Assert.Equal("manager", audit.AcknowledgedByUserId);
        Assert.Equal(Now.AddDays(1), audit.AcknowledgedAt);
        Assert.False(audit.IsEditableByAgency);
        var late = Assert.Throws<DomainRuleException>(() => audit.Revise(Details("Changed"), [], "health.lead", Now.AddDays(2), Today.AddDays(2)));
        Assert.Equal("The partnership has acknowledged this audit, so it can no longer be changed", late.Message);
        Assert.Throws<DomainRuleException>(() => audit.AskForMore("More please", "manager", Now.AddDays(2)));
        Assert.Throws<DomainRuleException>(() => audit.Acknowledge([], Themes, "manager", Now.AddDays(2)));
    }

    [Fact]
    public void A_theme_of_another_partnership_is_refused()
    {
        var audit = Reported();

        var refused = Assert.Throws<DomainRuleException>(() => audit.Acknowledge([Guid.NewGuid()], Themes, "manager", Now));

        Assert.Equal(nameof(SingleAgencyAudit.Themes), refused.Field);
        Assert.Equal(SingleAgencyAuditState.Reported, audit.State);
    }

    [Fact]
    public void More_asked_is_answered_by_sending_it_again_then_it_is_acknowledged()
    {
        var audit = Reported();

        audit.AskForMore("  Attach the audit tool you used, and say how the 30 records were chosen.  ", "manager", Now.AddDays(1));
        Assert.Equal(SingleAgencyAuditState.MoreAsked, audit.State);
        Assert.Equal("Attach the audit tool you used, and say how the 30 records were chosen.", audit.MoreAskedFor);
        Assert.False(SingleAgencyAuditStates.AwaitsPartnership(audit.State));
        Assert.Throws<DomainRuleException>(() => audit.Acknowledge([Neglect], Themes, "manager", Now.AddDays(1)));

        audit.Revise(Details() with { Findings = "Chosen at random from the caseload. Screening tools were not used in 9 of 21 records." }, [new DocumentToAttach("tool.docx", AttachmentKind.WordDocx, 900)], "health.lead", Now.AddDays(2), Today.AddDays(2));
        Assert.Equal(SingleAgencyAuditState.Resubmitted, audit.State);
        Assert.Null(audit.MoreAskedFor);
        Assert.Equal(2, audit.Documents.Count);
        Assert.False(audit.IsEditableByAgency);

        audit.Acknowledge([Neglect, DomesticAbuse], Themes, "manager", Now.AddDays(3));
        Assert.Equal(SingleAgencyAuditState.Acknowledged, audit.State);
        Assert.Equal(
            [SingleAgencyAuditEventKind.Reported, SingleAgencyAuditEventKind.MoreAsked, SingleAgencyAuditEventKind.Resubmitted, SingleAgencyAuditEventKind.Acknowledged],
            audit.Events.Select(e => e.Kind));
        Assert.Equal("Attach the audit tool you used, and say how the 30 records were chosen.", audit.Events.Single(e => e.Kind == SingleAgencyAuditEventKind.MoreAsked).Note);
    }

    [Fact]
    public void Asking_for_more_needs_a_reason()
    {
        var audit = Reported();

        var refused = Assert.Throws<DomainRuleException>(() => audit.AskForMore("   ", "manager", Now));

        Assert.Equal(nameof(SingleAgencyAudit.MoreAskedFor), refused.Field);
        Assert.Equal(SingleAgencyAuditState.Reported, audit.State);
    }

    [Fact]
    public void A_change_before_the_partnership_decides_stays_reported_and_a_sent_again_audit_waits_for_the_partnership()
    {
        var audit = Reported();

        audit.Revise(Details("Health visiting records where neglect was a concern"), [], "health.lead", Now, Today);
        Assert.Equal(SingleAgencyAuditState.Reported, audit.State);
        Assert.Equal("Health visiting records where neglect was a concern", audit.Topic);
        Assert.Single(audit.Events);

        audit.AskForMore("Say how they were chosen", "manager", Now);
        audit.Revise(Details(), [], "health.lead", Now, Today);
        var waiting = Assert.Throws<DomainRuleException>(() => audit.Revise(Details(), [], "health.lead", Now, Today));
        Assert.Equal("The partnership is looking at this audit; it can be changed again if they ask for more", waiting.Message);
    }

    [Fact]
    public void An_audit_has_at_most_ten_documents()
    {
        var audit = SingleAgencyAudit.Report(Northshire, Health, Details(), [.. Enumerable.Repeat(Report, 10)], "health.lead", Now, Today);

        var refused = Assert.Throws<DomainRuleException>(() => audit.Revise(Details(), [Report], "health.lead", Now, Today));

        Assert.Equal(nameof(SingleAgencyAudit.Documents), refused.Field);
        Assert.Equal(10, audit.Documents.Count);
    }

    [Fact]
    public void Themes_are_chosen_again_after_acknowledgement()
    {
        var audit = Reported();
        audit.Acknowledge([Neglect], Themes, "manager", Now);

        audit.LinkThemes([DomesticAbuse], Themes);

        Assert.Equal(DomesticAbuse, Assert.Single(audit.Themes).ThemeId);
    }

    [Fact]
    public void The_business_unit_is_reminded_ten_working_days_after_an_audit_reaches_it_while_it_waits()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 5, 4)]);
        var audit = Reported();

        // Reported Saturday 2 May 2026; Monday 4 May a bank holiday: ten working days on is Monday 18 May.
        var deadline = audit.WaitingDeadline(Today, "Northshire NHS Foundation Trust", calendar);
        Assert.NotNull(deadline);
        Assert.Equal(new DateOnly(2026, 5, 18), deadline.DueOn);
        Assert.Equal(Role.BusinessUnit, deadline.Owner.Role);
        Assert.Null(deadline.Owner.AgencyId);
        Assert.Empty(deadline.EscalatesTo!);

        // More asked for: the agency's turn, no reminder; sent again: due ten working days after that.
        audit.AskForMore("Attach the action plan", "manager", Now);
        Assert.Null(audit.WaitingDeadline(Today, "Health", calendar));
        audit.Revise(Details(), [Report], "health.lead", Now.AddDays(10), Today.AddDays(10));
        Assert.Equal(new DateOnly(2026, 5, 26), audit.WaitingDeadline(Today.AddDays(10), "Health", calendar)!.DueOn);

        audit.Acknowledge([Neglect], Themes, "manager", Now.AddDays(11));
        Assert.Null(audit.WaitingDeadline(Today.AddDays(10), "Health", calendar));
    }

    [Fact]
    public void The_agency_removes_a_document_while_it_may_change_the_audit_but_never_the_last_one()
    {
        var audit = Reported();
        var only = Assert.Single(audit.Documents);
        Assert.Equal(nameof(SingleAgencyAudit.Documents), Assert.Throws<DomainRuleException>(() => audit.RemoveDocument(only.Id)).Field);

        audit.Revise(Details(), [new DocumentToAttach("appendix.pdf", AttachmentKind.Pdf, 300)], "health.lead", Now, Today);
        Assert.Throws<DomainRuleException>(() => audit.RemoveDocument(Guid.NewGuid()));
        var removed = audit.RemoveDocument(only.Id);
        Assert.Equal("audit.pdf", removed.FileName);
        Assert.Equal("appendix.pdf", Assert.Single(audit.Documents).FileName);

        // Acknowledged: the agency can no longer remove anything.
        var acknowledged = Reported();
        acknowledged.Revise(Details(), [new DocumentToAttach("appendix.pdf", AttachmentKind.Pdf, 300)], "health.lead", Now, Today);
        acknowledged.Acknowledge([], Themes, "manager", Now);
        Assert.Throws<DomainRuleException>(() => acknowledged.RemoveDocument(acknowledged.Documents.First().Id));
    }
}
