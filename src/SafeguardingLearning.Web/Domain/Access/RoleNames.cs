namespace SafeguardingLearning.Web.Domain.Access;

public static class RoleNames
{
    public static string Describe(Role role) => role switch
    {
        Role.Administrator => "Administrator",
        Role.BusinessUnit => "Business unit",
        Role.IndependentChair => "Independent chair",
        Role.AgencyLead => "Agency lead",
        Role.IndependentReviewer => "Independent reviewer",
        Role.BoardMember => "Board member",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
