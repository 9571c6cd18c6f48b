using System.Text.RegularExpressions;

namespace SafeguardingLearning.Web.Domain.Partnerships;

/// <summary>
/// A local safeguarding children partnership (formerly a Local Safeguarding Children Board).
/// Every domain record belongs to one.
/// </summary>
public partial class Partnership
{
    public const int PublicSlugMinLength = 3;
    public const int PublicSlugMaxLength = 60;

    private readonly List<PartnershipAgency> _agencies = [];

    private Partnership()
    {
        Name = string.Empty;
    }

    public Partnership(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the partnership's name");
        }

        Id = Guid.NewGuid();
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>
    /// The partnership's public address: the short name its published pages live under
    /// (<c>/published/northshire</c>). None until the administrator sets one; without it nothing is public.
    /// </summary>
    public string? PublicSlug { get; private set; }

    public IReadOnlyCollection<PartnershipAgency> Agencies => _agencies;

    /// <summary>Sets (or, when empty, removes) the public address: lower-case letters and numbers, words joined by hyphens.</summary>
    public void SetPublicSlug(string? slug)
    {
        var clean = slug?.Trim().ToLowerInvariant() ?? string.Empty;
        if (clean.Length == 0)
        {
            PublicSlug = null;
            return;
        }

        if (clean.Length is < PublicSlugMinLength or > PublicSlugMaxLength)
        {
            throw new DomainRuleException($"The public address must be between {PublicSlugMinLength} and {PublicSlugMaxLength} characters", nameof(PublicSlug));
        }

        if (!SlugPattern().IsMatch(clean))
        {
            throw new DomainRuleException("The public address must be lower-case letters and numbers, with words joined by single hyphens, like northshire or north-shire", nameof(PublicSlug));
        }

        PublicSlug = clean;
    }

    /// <summary>Agencies such as a police force work across several partnerships.</summary>
    public void AddMember(PartnerAgency agency)
    {
        if (_agencies.Any(a => a.AgencyId == agency.Id))
        {
            throw new DomainRuleException($"{agency.Name} is already a member of {Name}");
        }

        _agencies.Add(new PartnershipAgency(Id, agency.Id));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
