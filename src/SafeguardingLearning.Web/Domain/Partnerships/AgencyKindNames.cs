namespace SafeguardingLearning.Web.Domain.Partnerships;

public static class AgencyKindNames
{
    public static string Describe(AgencyKind kind) => kind switch
    {
        AgencyKind.Police => "Police",
        AgencyKind.Health => "Health",
        AgencyKind.LocalAuthorityChildrensServices => "Local authority children's services",
        AgencyKind.Education => "Education",
        AgencyKind.Probation => "Probation",
        AgencyKind.YouthJustice => "Youth justice",
        AgencyKind.VoluntarySector => "Voluntary sector",
        AgencyKind.School => "School",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
