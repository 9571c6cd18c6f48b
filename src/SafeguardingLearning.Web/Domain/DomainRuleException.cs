namespace SafeguardingLearning.Web.Domain;

/// <summary>
/// A broken business rule; the controller shows its message on the form, against
/// <see cref="Field"/> when the rule is about one field.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
