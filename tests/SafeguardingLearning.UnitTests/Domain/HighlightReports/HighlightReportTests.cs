using SafeguardingLearning.Web.Domain;
using SafeguardingLearning.Web.Domain.DataReturns;
using SafeguardingLearning.Web.Domain.HighlightReports;

namespace SafeguardingLearning.UnitTests.Domain.HighlightReports;

public class HighlightReportTests
{
    private static readonly Guid Partnership = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly FinancialQuarter Q2 = new(2026, 2);
    private static readonly DateOnly Today = new(2026, 10, 12);
    private static readonly DateTime Now = new(2026, 10, 12, 10, 0, 0, DateTimeKind.Utc);

    private static HighlightReportContent Content(bool? notification = false, bool? escalation = false, string? reporter = "Sam Patel") => new(
        reporter,
        "Detective Inspector, public protection",
        "Two serious incidents",
        "Operation Encompass notifications to schools",
        "80 officers trained",
        "Missing episodes audit",
        "New records system",
        new DataStory("Missing episodes fell", null, null, "Return home interviews shared"),
        "No differential impact seen",
        notification,
        null,
        notification == true ? "SIN-2026-07" : null,
        escalation,
        escalation == true ? "Escalated a strategy discussion" : null);

    private static ProposedRiskInput ARisk(int? likelihood = 4, int? impact = 3) => new("Fewer return interviews", "Staff vacancies", "Exploitation missed", likelihood, impact);

    private static HighlightReport Written(params ProposedRiskInput[] risks)
    {
        var report = HighlightReport.Start(Partnership, Police, Q2, "lead", Now, Today);
        report.Save(Content(), risks, ["Fund a second missing-person coordinator"]);
        return report;
    }

    [Fact]
    public void A_report_cannot_be_started_for_a_quarter_not_yet_begun()
    {
        var broken = Assert.Throws<DomainRuleException>(() => HighlightReport.Start(Partnership, Police, new FinancialQuarter(2026, 4), "lead", Now, Today));
        Assert.Contains("has not started", broken.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Signing_needs_a_name(string? name)
    {
        var report = Written();
        var broken = Assert.Throws<DomainRuleException>(() => report.Sign(name, "lead", Now, Today));
        Assert.Contains(broken.All, b => b.Field == nameof(HighlightReport.SignedName));
        Assert.Equal(HighlightReportState.Draft, report.State);
        Assert.Empty(report.Steps);
    }

    [Fact]
    public void Signing_needs_who_reports_and_the_notification_and_escalation_answered()
    {
        var report = HighlightReport.Start(Partnership, Police, Q2, "lead", Now, Today);
        report.Save(Content(notification: null, escalation: true, reporter: null) with { EscalationDetails = null }, [], []);
        var broken = Assert.Throws<DomainRuleException>(() => report.Sign("Sam Patel", "lead", Now, Today));
        Assert.Equal(
            [nameof(HighlightReport.ReporterName), nameof(HighlightReport.NotificationMade), nameof(HighlightReport.EscalationDetails)],
            broken.All.Select(b => b.Field));
    }

    [Fact]
    public void Signing_sends_it_dated_today_and_resending_after_more_was_asked_is_recorded()
    {
        var report = Written();
        report.Sign(" Sam Patel ", "lead", Now, Today);
        Assert.Equal(HighlightReportState.Submitted, report.State);
        Assert.Equal("Sam Patel", report.SignedName);
        Assert.Equal(Today, report.SignedOn);
        Assert.Throws<DomainRuleException>(() => report.Save(Content(), [], []));

        Assert.Throws<DomainRuleException>(() => report.AskForMore(" ", "manager", Now));
        report.AskForMore("Say more about the training gap", "manager", Now);
        Assert.Equal(HighlightReportState.MoreAsked, report.State);
        report.Save(Content(), [], []);
        report.Sign("Sam Patel", "lead", Now.AddDays(1), Today.AddDays(1));
        Assert.Equal(
            [HighlightReportStepKind.Submitted, HighlightReportStepKind.MoreAsked, HighlightReportStepKind.Resubmitted],
            report.Steps.Select(s => s.Kind));
        Assert.Equal("Say more about the training gap", report.Steps[1].Note);
    }

    [Fact]
    public void Only_a_submitted_report_is_accepted_and_only_once()
    {
        var report = Written(ARisk());
        Assert.Throws<DomainRuleException>(() => report.Accept("manager", Now));
        report.Sign("Sam Patel", "lead", Now, Today);
        report.Accept("manager", Now);
        Assert.Equal(HighlightReportState.Accepted, report.State);
        var again = Assert.Throws<DomainRuleException>(() => report.Accept("manager", Now));
        Assert.Equal("This report has already been accepted", again.Message);
        Assert.Throws<DomainRuleException>(() => report.AskForMore("More", "manager", Now));
        Assert.Single(report.Steps, s => s.Kind == HighlightReportStepKind.Accepted);
    }

    [Fact]
    public void A_proposed_risk_or_ask_is_raised_once()
    {
        var report = Written(ARisk());
        var risk = Guid.NewGuid();
        report.Risks[0].RaisedAs(risk);
        Assert.Throws<DomainRuleException>(() => report.Risks[0].RaisedAs(Guid.NewGuid()));
        Assert.Equal(risk, report.Risks[0].RiskId);
        report.Asks[0].RaisedAs(risk);
        Assert.Throws<DomainRuleException>(() => report.Asks[0].RaisedAs(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(0, 3, "Risks[0].Likelihood")]
    [InlineData(6, 3, "Risks[0].Likelihood")]
    [InlineData(null, 3, "Risks[0].Likelihood")]
    [InlineData(3, 0, "Risks[0].Impact")]
    [InlineData(3, 6, "Risks[0].Impact")]
    public void A_proposed_risk_is_scored_1_to_5_on_each_axis(int? likelihood, int? impact, string field)
    {
        var report = HighlightReport.Start(Partnership, Police, Q2, "lead", Now, Today);
        var broken = Assert.Throws<DomainRuleException>(() => report.Save(Content(), [ARisk(likelihood, impact)], []));
        Assert.Equal([field], broken.All.Select(b => b.Field));
        Assert.Empty(report.Risks);
    }

    [Fact]
    public void Blank_rows_are_left_out_and_an_incomplete_risk_is_refused_on_its_own_fields()
    {
        var report = HighlightReport.Start(Partnership, Police, Q2, "lead", Now, Today);
        var blank = new ProposedRiskInput(null, " ", null, null, null);
        report.Save(Content(), [blank, ARisk(5, 5), blank], [null, " ", "Agree the escalation protocol"]);
        Assert.Equal(25, Assert.Single(report.Risks).Score);
        Assert.Equal(1, report.Risks[0].Number);
        Assert.Equal("Agree the escalation protocol", Assert.Single(report.Asks).Text);

        var broken = Assert.Throws<DomainRuleException>(() => report.Save(Content(), [ARisk(), new ProposedRiskInput("Only a description", null, null, 2, 2)], []));
        Assert.Equal(["Risks[1].Cause", "Risks[1].Effect"], broken.All.Select(b => b.Field));

        // Nothing half-saved: the report still holds what the last good save kept.
        Assert.Single(report.Risks);
        Assert.Single(report.Asks);
    }

    [Fact]
    public void An_answer_of_no_clears_the_notification_and_escalation_details()
    {
        var report = HighlightReport.Start(Partnership, Police, Q2, "lead", Now, Today);
        report.Save(Content(notification: true, escalation: true), [], []);
        Assert.Equal("SIN-2026-07", report.NotificationReference);
        report.Save(Content(notification: false, escalation: false) with { NotificationReference = "left over", EscalationDetails = "left over" }, [], []);
        Assert.Null(report.NotificationReference);
        Assert.Null(report.EscalationDetails);
    }
}
