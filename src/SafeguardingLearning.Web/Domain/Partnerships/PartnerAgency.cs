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
