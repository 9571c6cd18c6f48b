namespace SafeguardingLearning.Web.Features.SelfAssessments;

public static class SelfAssessmentsRegistration
{
    /// <summary>
    /// Section 11 and Section 175/157 self-assessments: frameworks, the partnership's own versions of
    /// them and the cycles the business unit opens. Invitations, reminders and returns' deadlines
    /// join the deadline contract when agencies fill returns in.
    /// </summary>
    public static WebApplicationBuilder AddSelfAssessments(this WebApplicationBuilder builder) => builder;
}
