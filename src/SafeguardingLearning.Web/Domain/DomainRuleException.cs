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

    /// <summary>
    /// Runs every step of one form, each checking its rules before it changes anything, and throws
    /// every rule they broke (the same rule once), so that a form reports all its mistakes at once.
    /// </summary>
    public static void Each(params Action[] steps)
    {
        var broken = new List<DomainRuleException>();
        foreach (var step in steps)
        {
            try
            {
                step();
            }
            catch (DomainRuleException rule)
            {
                broken.AddRange(rule.All.Where(r => !broken.Any(b => b.Message == r.Message && b.Field == r.Field)));
            }
        }

        ThrowIfAny(broken);
    }
}
