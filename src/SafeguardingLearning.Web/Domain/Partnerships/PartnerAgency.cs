namespace SafeguardingLearning.Web.Domain.Partnerships;

/// <summary>A partner agency: reference data shared by the partnerships it belongs to.</summary>
public class PartnerAgency : IVersioned
{
    private PartnerAgency()
    {
        Name = string.Empty;
    }

    public PartnerAgency(string name, AgencyKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the agency's name");
        }

        Id = Guid.NewGuid();
        Name = name.Trim();
        Kind = kind;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public AgencyKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>
    /// A school's or college's Unique Reference Number (the Department for Education's, from "Get
    /// Information about Schools"): how a school is recognised when the business unit imports its
    /// schools again. None for other agencies.
    /// </summary>
    public string? Urn { get; private set; }

    /// <summary>The head teacher's (or principal's) work email address: Keeping Children Safe in Education 2025 makes them accountable with the governing body.</summary>
    public string? HeadTeacherEmail { get; private set; }

    /// <summary>A school or college known by its URN.</summary>
    public static PartnerAgency School(string name, string urn, string? headTeacherEmail)
    {
        var school = new PartnerAgency(name, AgencyKind.School);
        school.Urn = SchoolUrn.Check(urn);
        school.HeadTeacherEmail = headTeacherEmail;
        return school;
    }

    /// <summary>Changes a school's name and head teacher's email (from an import); says whether anything changed.</summary>
    public bool ChangeSchool(string name, string? headTeacherEmail)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the agency's name");
        }

        if (Kind != AgencyKind.School)
        {
            throw new DomainRuleException($"{Name} is not a school");
        }

        var changed = Name != name.Trim() || HeadTeacherEmail != headTeacherEmail;
        Name = name.Trim();
        HeadTeacherEmail = headTeacherEmail;
        return changed;
    }

    public void Change(string name, AgencyKind kind, bool isActive)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the agency's name");
        }

        Name = name.Trim();
        Kind = kind;
        IsActive = isActive;
    }
}

/// <summary>The Unique Reference Number the Department for Education gives every school and college: 6 or 7 digits.</summary>
public static class SchoolUrn
{
    public const int MinLength = 6;
    public const int MaxLength = 7;

    public static bool IsValid(string? urn) =>
        urn is { Length: >= MinLength and <= MaxLength } && urn.All(char.IsAsciiDigit);

    public static string Check(string? urn) =>
        IsValid(urn?.Trim()) ? urn!.Trim() : throw new DomainRuleException($"The URN must be a number of {MinLength} or {MaxLength} digits", nameof(PartnerAgency.Urn));
}
