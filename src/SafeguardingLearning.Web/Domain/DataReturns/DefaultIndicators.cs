using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Domain.DataReturns;

/// <summary>An indicator of the shipped catalogue, with the kind of agency that usually owns it.</summary>
public sealed record ShippedIndicator(IndicatorDefinition Definition, AgencyKind? OwnedBy);

/// <summary>
/// The dataset shipped with the product, drawn from common local multi-agency datasets: the measures
/// the Department for Education's "Children in need" and "Children looked after" statistics count,
/// the statutory guidance on children who go missing from home or care (2014: a return home
/// interview within 72 hours), Working Together 2023 (chapter 4: the designated officer (LADO);
/// chapter 5: a rapid review within 15 working days of the serious incident notification) and
/// local thematic datasets. Each partnership gets its own copy (<see cref="CopyInto"/>) and owns it:
/// codes are stable, so the CSV template matches rows by them.
/// </summary>
public static class DefaultIndicators
{
    public const string RapidReviewsOnTimeCode = "RR-15WD";

    public static IReadOnlyList<ShippedIndicator> All { get; } =
    [
        Core("CSC-CONTACTS", "Contacts to children's social care", "Contacts received by the front door about a child.", "Every contact received in the quarter, whatever its outcome.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.LowerIsBetter, null, null, 1000, 9000, AgencyKind.LocalAuthorityChildrensServices),
        Core("CSC-REFERRALS", "Referrals to children's social care", "Contacts that became referrals, per 10,000 children aged under 18.", "Referrals in the quarter ÷ the child population × 10,000.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.RatePer10000Children, Polarity.LowerIsBetter, null, null, 60, 250, AgencyKind.LocalAuthorityChildrensServices),
        Core("CSC-REREFERRALS", "Re-referrals within 12 months", "Referrals of a child referred in the previous 12 months.", "Re-referrals in the quarter ÷ referrals in the quarter × 100.", AccountabilityQuestion.IsAnyoneBetterOff, IndicatorUnit.Percentage, Polarity.LowerIsBetter, 22, 3, 5, 40, AgencyKind.LocalAuthorityChildrensServices),
        Core("EH-ASSESSMENTS", "Early help assessments started", "Early help assessments started by any agency.", "Assessments started in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.HigherIsBetter, null, null, 100, 2000, AgencyKind.LocalAuthorityChildrensServices),
        Core("CP-PLANS", "Children on child protection plans", "Children subject to a child protection plan on the last day of the quarter, per 10,000 children.", "Children on a plan at the quarter end ÷ the child population × 10,000.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.RatePer10000Children, Polarity.LowerIsBetter, null, null, 20, 80, AgencyKind.LocalAuthorityChildrensServices),
        Core("CP-SECOND", "Second or subsequent child protection plans", "Plans started in the quarter for a child who had been on a plan before.", "Second or subsequent plans started ÷ plans started × 100.", AccountabilityQuestion.IsAnyoneBetterOff, IndicatorUnit.Percentage, Polarity.LowerIsBetter, 23, 3, 5, 40, AgencyKind.LocalAuthorityChildrensServices),
        Core("CLA-RATE", "Children looked after", "Children looked after on the last day of the quarter, per 10,000 children.", "Children looked after at the quarter end ÷ the child population × 10,000.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.RatePer10000Children, Polarity.LowerIsBetter, null, null, 40, 130, AgencyKind.LocalAuthorityChildrensServices),
        Core("MISSING-EPISODES", "Missing episodes", "Episodes of a child reported missing from home or care.", "Episodes reported to the police in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.LowerIsBetter, null, null, 100, 1500, AgencyKind.Police),
        Core("RHI-72H", "Return home interviews within 72 hours", "Return home interviews offered within 72 hours of a child's return.", "Interviews offered within 72 hours ÷ returns in the quarter × 100.", AccountabilityQuestion.HowWellDidWeDoIt, IndicatorUnit.Percentage, Polarity.HigherIsBetter, 80, 10, 30, 100, AgencyKind.LocalAuthorityChildrensServices),
        Core("LADO-REFERRALS", "Referrals to the designated officer (LADO)", "Allegations about adults who work with children referred to the designated officer.", "Referrals received in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.HigherIsBetter, null, null, 10, 150, AgencyKind.LocalAuthorityChildrensServices),
        Core("NEW-BIRTH-VISITS", "New birth visits within 14 days", "Health visitor new birth visits within 14 days of birth.", "Visits within 14 days ÷ births in the quarter × 100.", AccountabilityQuestion.HowWellDidWeDoIt, IndicatorUnit.Percentage, Polarity.HigherIsBetter, 90, 5, 50, 100, AgencyKind.Health),
        Core("TRAINING", "Multi-agency training attendance", "People who attended the partnership's multi-agency safeguarding training.", "Attendees at courses held in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.HigherIsBetter, 300, 50, 0, 2000, AgencyKind.LocalAuthorityChildrensServices),
        new(new IndicatorDefinition(RapidReviewsOnTimeCode, "Rapid reviews within 15 working days", "Rapid reviews sent to the Child Safeguarding Practice Review Panel within 15 working days of the serious incident notification (Working Together 2023, chapter 5).", "Worked out by the product: rapid reviews sent in the quarter by their due date ÷ rapid reviews sent in the quarter × 100.", IndicatorPart.Core, null, AccountabilityQuestion.HowWellDidWeDoIt, IndicatorUnit.Percentage, Polarity.HigherIsBetter, 100, 10, 0, 100, ComputedIndicators.RapidReviewsOnTime), null),
        Thematic("EXPLOITATION-REFERRALS", "Child exploitation referrals", "Exploitation", "Referrals where criminal or sexual exploitation of a child is a concern.", "Referrals received in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.HigherIsBetter, 5, 400, AgencyKind.Police),
        Thematic("DA-CHILDREN-PRESENT", "Domestic abuse incidents with children present", "Domestic abuse", "Domestic abuse incidents the police attended where a child was present.", "Incidents in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.LowerIsBetter, 50, 2000, AgencyKind.Police),
        Thematic("NEGLECT-PLANS", "Child protection plans for neglect", "Neglect", "Child protection plans whose category is neglect.", "Plans for neglect at the quarter end ÷ all plans × 100.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Percentage, Polarity.LowerIsBetter, 20, 80, AgencyKind.LocalAuthorityChildrensServices),
        Thematic("SELF-HARM-ATTENDANCES", "Hospital attendances for self-harm", "Mental health", "Emergency department attendances of children aged under 18 for self-harm.", "Attendances in the quarter.", AccountabilityQuestion.HowMuchDidWeDo, IndicatorUnit.Count, Polarity.LowerIsBetter, 5, 300, AgencyKind.Health),
    ];

    /// <summary>
    /// The partnership's own copy of the catalogue, each indicator owned by the first member agency
    /// (by name) of the kind that usually returns it — the business unit may change it later; one
    /// with no such member has no owner until it is given one.
    /// </summary>
    public static IReadOnlyList<Indicator> CopyInto(Guid partnershipId, IReadOnlyCollection<(Guid Id, string Name, AgencyKind Kind)> members, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(members);
        var byKind = members.OrderBy(m => m.Name, StringComparer.Ordinal).GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.First().Id);
        return [.. All.Select((s, i) => new Indicator(partnershipId, s.Definition, s.OwnedBy is { } kind && byKind.TryGetValue(kind, out var agency) ? agency : null, i + 1, now))];
    }

    private static ShippedIndicator Core(string code, string name, string definition, string howCounted, AccountabilityQuestion question, IndicatorUnit unit, Polarity polarity, decimal? target, decimal? tolerance, decimal? min, decimal? max, AgencyKind owner) =>
        new(new IndicatorDefinition(code, name, definition, howCounted, IndicatorPart.Core, null, question, unit, polarity, target, tolerance, min, max), owner);

    private static ShippedIndicator Thematic(string code, string name, string theme, string definition, string howCounted, AccountabilityQuestion question, IndicatorUnit unit, Polarity polarity, decimal? min, decimal? max, AgencyKind owner) =>
        new(new IndicatorDefinition(code, name, definition, howCounted, IndicatorPart.Thematic, theme, question, unit, polarity, null, null, min, max), owner);
}

/// <summary>Measures the product works out from its own records, for a quarter.</summary>
public static class ComputedIndicators
{
    /// <summary>Rapid reviews sent to the national panel within 15 working days.</summary>
    public const string RapidReviewsOnTime = "rapid-reviews-on-time";

    /// <summary>
    /// The share of rapid reviews whose report was sent in the quarter that were sent by their due
    /// date (15 working days from the notification, Working Together 2023 chapter 5, as the review
    /// recorded it when sent); none when no report was sent in the quarter.
    /// </summary>
    public static (decimal? Value, int Sent, int OnTime) RapidReviewsOnTimeIn(FinancialQuarter quarter, IEnumerable<(DateOnly SentOn, bool OnTime)> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var inQuarter = sent.Where(s => quarter.Contains(s.SentOn)).ToList();
        var onTime = inQuarter.Count(s => s.OnTime);
        return (inQuarter.Count == 0 ? null : Math.Round(100m * onTime / inQuarter.Count, 1), inQuarter.Count, onTime);
    }
}
