namespace SafeguardingLearning.Web.Domain.Partnerships;

public enum AgencyKind
{
    Police,
    Health,
    LocalAuthorityChildrensServices,
    Education,
    Probation,
    YouthJustice,
    VoluntarySector,
    School,
}
