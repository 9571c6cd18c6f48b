namespace SafeguardingLearning.Web.Domain.Partnerships;

/// <summary>
/// A local safeguarding children partnership (formerly a Local Safeguarding Children Board).
/// Every domain record belongs to one.
/// </summary>
public class Partnership
{
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

    public IReadOnlyCollection<PartnershipAgency> Agencies => _agencies;

    /// <summary>Agencies such as a police force work across several partnerships.</summary>
    public void AddMember(PartnerAgency agency)
    {
        if (_agencies.Any(a => a.AgencyId == agency.Id))
        {
            throw new DomainRuleException($"{agency.Name} is already a member of {Name}");
        }

        _agencies.Add(new PartnershipAgency(Id, agency.Id));
    }
}
