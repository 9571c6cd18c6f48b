namespace SafeguardingLearning.Web.Domain;

/// <summary>
/// A broken business rule; the controller shows its message on the form, against
/// <see cref="Field"/> when the rule is about one field.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;

    /// <summary>The other rules the same step broke, so that a form shows every one at once.</summary>
    public IReadOnlyList<DomainRuleException> Others { get; private init; } = [];

    /// <summary>Every rule broken, this one first.</summary>
    public IEnumerable<DomainRuleException> All => [this, .. Others];

    /// <summary>Throws the first of the rules broken, carrying the rest; nothing when none was broken.</summary>
    public static void ThrowIfAny(IReadOnlyList<DomainRuleException> broken)
    {
        if (broken.Count > 0)
        {
            throw new DomainRuleException(broken[0].Message, broken[0].Field) { Others = [.. broken.Skip(1)] };
        }
    }
}
