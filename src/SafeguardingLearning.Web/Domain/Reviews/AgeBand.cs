namespace SafeguardingLearning.Web.Domain.Reviews;

public enum AgeBand
{
    UnderOne,
    OneToFour,
    FiveToNine,
    TenToFifteen,
    SixteenToSeventeen,
}

public static class AgeBandNames
{
    public static string Describe(AgeBand band) => band switch
    {
        AgeBand.UnderOne => "Under 1",
        AgeBand.OneToFour => "1 to 4",
        AgeBand.FiveToNine => "5 to 9",
        AgeBand.TenToFifteen => "10 to 15",
        AgeBand.SixteenToSeventeen => "16 or 17",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}
