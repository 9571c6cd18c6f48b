namespace SafeguardingLearning.Web.Domain;

/// <summary>A broken business rule; the controller shows its message on the form.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
