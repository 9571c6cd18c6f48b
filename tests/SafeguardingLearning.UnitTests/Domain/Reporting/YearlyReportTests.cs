using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.Reporting;

namespace SafeguardingLearning.UnitTests.Domain.Reporting;

public class YearlyReportTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly IReadOnlyList<string> ChairOnly = YearlyReportApprovers.Required(leadPartnersApprove: false);
    private static readonly IReadOnlyList<string> ChairAndPartners = YearlyReportApprovers.Required(leadPartnersApprove: true);

    private static YearlyReport Drafted()
    {
        var report = new YearlyReport(Partnership, ReportingYear.Starting(2025), "manager", Now);
        foreach (var section in YearlyReportContents.Sections)
        {
            report.Write(section.Key, $"What we say about {section.Heading}.");
        }

        return report;
    }

    private static YearlyReport Submitted()
    {
        var report = Drafted();
        report.Submit("manager", Now);
        return report;
    }

    [Fact]
    public void A_draft_missing_any_expected_content_cannot_be_sent_for_approval()
    {
        var report = Drafted();
        report.Write(YearlyReportContents.Scrutiny, "   ");

        Assert.Equal(["scrutiny"], report.MissingContents.Select(c => c.Key));
        var refused = Assert.Throws<DomainRuleException>(() => report.Submit("manager", Now));
        Assert.Contains("the independent scrutineer's statement", refused.Message, StringComparison.Ordinal);
        Assert.Equal(YearlyReportState.Draft, report.State);
    }

    [Fact]
    public void Every_expected_content_is_met_by_a_section_the_business_unit_writes()
    {
        var keys = YearlyReportContents.Sections.Select(s => s.Key).ToHashSet();

        Assert.All(YearlyReportContents.Checklist, c => Assert.All(c.Sections, s => Assert.Contains(s, keys)));
        Assert.Equal(7, YearlyReportContents.Checklist.Count);
        Assert.Empty(Drafted().MissingContents);
    }

    [Fact]
    public void The_chairs_approval_freezes_the_report_with_the_figures_read_at_that_moment()
    {
        var report = Submitted();
        var asked = 0;

        report.Approve(YearlyReportApprovers.Chair, ChairOnly, "chair", Now.AddHours(1), () => { asked++; return "[{\"key\":\"frozen\"}]"; });

        Assert.Equal(1, asked);
        Assert.Equal(YearlyReportState.Approved, report.State);
        Assert.True(report.IsFrozen);
        Assert.Equal("[{\"key\":\"frozen\"}]", report.FrozenFigures);
        Assert.Equal(Now.AddHours(1), report.FrozenAt);
        var refused = Assert.Throws<DomainRuleException>(() => report.Write(YearlyReportContents.Budget, "A new budget"));
        Assert.Contains("approved", refused.Message, StringComparison.Ordinal);
        Assert.Equal("What we say about Budget and contributions.", report.TextOf(YearlyReportContents.Budget));
    }

    [Fact]
    public void Where_the_partners_approve_too_the_report_is_frozen_only_by_the_last_approval()
    {
        var report = Submitted();
        var asked = 0;
        string Figures() { asked++; return "[]"; }

        report.Approve(YearlyReportApprovers.Chair, ChairAndPartners, "chair", Now, Figures);
        report.Approve("Local authority", ChairAndPartners, "director", Now, Figures);
        report.Approve("Integrated care board", ChairAndPartners, "nurse", Now, Figures);
        Assert.Equal(YearlyReportState.Submitted, report.State);
        Assert.Null(report.FrozenFigures);
        Assert.Equal(["Chief officer of police"], report.ApprovalsStillNeeded(ChairAndPartners));
        Assert.Equal(0, asked);

        report.Approve("Chief officer of police", ChairAndPartners, "superintendent", Now, Figures);

        Assert.Equal(YearlyReportState.Approved, report.State);
        Assert.Equal(1, asked);
    }

    [Fact]
    public void One_person_approves_once_for_one_approver_only()
    {
        var report = Submitted();
        report.Approve(YearlyReportApprovers.Chair, ChairAndPartners, "chair", Now, () => "[]");

        Assert.Throws<DomainRuleException>(() => report.Approve(YearlyReportApprovers.Chair, ChairAndPartners, "director", Now, () => "[]"));
        Assert.Throws<DomainRuleException>(() => report.Approve("Local authority", ChairAndPartners, "chair", Now, () => "[]"));
        Assert.Throws<DomainRuleException>(() => report.Approve("Someone else", ChairAndPartners, "director", Now, () => "[]"));
    }

    [Fact]
    public void A_returned_report_needs_its_comments_can_be_changed_again_and_its_earlier_approvals_lapse()
    {
        var report = Submitted();
        report.Approve(YearlyReportApprovers.Chair, ChairAndPartners, "chair", Now, () => "[]");

        Assert.Throws<DomainRuleException>(() => report.Return("Local authority", " ", "director", Now));
        report.Return("Local authority", "Say more about neglect", "director", Now);

        Assert.Equal(YearlyReportState.Returned, report.State);
        report.Write(YearlyReportContents.Impact, "More about neglect.");
        report.Submit("manager", Now);
        Assert.Empty(report.CurrentApprovals);
        Assert.Equal(ChairAndPartners, report.ApprovalsStillNeeded(ChairAndPartners));
    }

    [Fact]
    public void A_report_sent_for_approval_cannot_be_changed_until_it_is_returned()
    {
        var report = Submitted();

        Assert.Throws<DomainRuleException>(() => report.Write(YearlyReportContents.Impact, "Later thoughts"));
        Assert.Throws<DomainRuleException>(() => report.Submit("manager", Now));
        Assert.Throws<DomainRuleException>(() => report.Publish("manager", Now, Today));
    }

    [Fact]
    public void Only_an_approved_report_is_published_and_only_a_published_one_is_sent_between_its_publication_and_today()
    {
        var report = Submitted();
        report.Approve(YearlyReportApprovers.Chair, ChairOnly, "chair", Now, () => "[]");
        Assert.Throws<DomainRuleException>(() => report.RecordSent(YearlyReportRecipient.Panel, Today, "manager", Now, Today));

        report.Publish("manager", Now, Today);
        Assert.Equal(Today, report.PublishedOn);
        Assert.Equal(Today.AddDays(7), report.SendBy(7));
        Assert.Throws<DomainRuleException>(() => report.Publish("manager", Now, Today));
        Assert.Throws<DomainRuleException>(() => report.RecordSent(YearlyReportRecipient.Panel, Today.AddDays(-1), "manager", Now, Today));
        Assert.Throws<DomainRuleException>(() => report.RecordSent(YearlyReportRecipient.Panel, Today.AddDays(1), "manager", Now, Today));

        report.RecordSent(YearlyReportRecipient.Panel, Today, "manager", Now, Today);
        Assert.Throws<DomainRuleException>(() => report.RecordSent(YearlyReportRecipient.Panel, Today, "manager", Now, Today));
        report.RecordSent(YearlyReportRecipient.WhatWorks, Today, "manager", Now, Today);
        Assert.Equal(Today, report.SentToWhatWorksOn);
    }

    [Fact]
    public void Typed_control_characters_are_taken_out_and_line_breaks_kept()
    {
        var report = new YearlyReport(Partnership, ReportingYear.Starting(2025), "manager", Now);

        report.Write(YearlyReportContents.Voice, "First line\r\nSecond\u0007 line\u0000");

        Assert.Equal("First line\nSecond line", report.TextOf(YearlyReportContents.Voice));
        Assert.Throws<DomainRuleException>(() => report.Write("no-such-section", "text"));
        Assert.Throws<DomainRuleException>(() => report.Write(YearlyReportContents.Voice, new string('a', YearlyReport.TextMaxLength + 1)));
    }
}
