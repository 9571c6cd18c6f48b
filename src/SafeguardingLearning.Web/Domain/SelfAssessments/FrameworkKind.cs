using SafeguardingLearning.Web.Domain.Partnerships;

namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>Which statutory duty a self-assessment framework asks bodies to show they meet.</summary>
public enum FrameworkKind
{
    /// <summary>Children Act 2004, section 11: agencies' arrangements to safeguard and promote the welfare of children.</summary>
    Section11,

    /// <summary>Education Act 2002, sections 175 and 157: maintained schools, colleges and independent schools.</summary>
    Section175,
}

public static class FrameworkKinds
{
    public static string Describe(FrameworkKind kind) => kind switch
    {
        FrameworkKind.Section11 => "Section 11",
        FrameworkKind.Section175 => "Section 175/157",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Who is asked to assess themselves against a framework of this kind.</summary>
    public static string Assessors(FrameworkKind kind) => kind switch
    {
        FrameworkKind.Section11 => "partner agencies",
        FrameworkKind.Section175 => "schools and colleges",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether an agency of this kind is asked under this framework: schools and colleges under
    /// sections 175 and 157 of the Education Act 2002, every other partner under section 11 of the
    /// Children Act 2004.
    /// </summary>
    public static bool Covers(FrameworkKind kind, AgencyKind agency) => kind switch
    {
        FrameworkKind.Section175 => agency == AgencyKind.School,
        FrameworkKind.Section11 => agency != AgencyKind.School,
        _ => false,
    };
}
