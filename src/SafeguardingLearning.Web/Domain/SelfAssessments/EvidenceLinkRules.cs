namespace SafeguardingLearning.Web.Domain.SelfAssessments;

/// <summary>
/// Links given as evidence: one per line, each a whole https address (a page on the agency's
/// intranet, a published policy). Plain http and other schemes are refused, so a partnership
/// following a link never leaves an encrypted connection or runs something that is not a web page.
/// </summary>
public static class EvidenceLinkRules
{
    public const int MaxLinks = 10;
    public const int MaxLinkLength = 2000;

    /// <summary>The links as stored (trimmed, one per line), or null for none; each broken rule is added for the field.</summary>
    public static string? Check(List<DomainRuleException> broken, string? text, string field)
    {
        ArgumentNullException.ThrowIfNull(broken);
        var links = Split(text);
        if (links.Count == 0)
        {
            return null;
        }

        if (links.Count > MaxLinks)
        {
            broken.Add(new DomainRuleException($"Enter up to {MaxLinks} links", field));
        }

        var bad = links.FirstOrDefault(l => !IsHttps(l));
        if (bad is not null)
        {
            broken.Add(new DomainRuleException($"Enter each link as a full web address starting with https://, one per line (\"{Shorten(bad)}\" is not one)", field));
        }

        var joined = string.Join('\n', links);
        if (joined.Length > SelfAssessmentReturn.TextMaxLength)
        {
            broken.Add(new DomainRuleException($"The links must be {SelfAssessmentReturn.TextMaxLength:N0} characters or fewer in all", field));
        }

        return joined;
    }

    /// <summary>The stored links, one per entry.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>A whole https address with a host, and no user name or password in it.</summary>
    public static bool IsHttps(string link) =>
        link.Length <= MaxLinkLength
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host)
        && string.IsNullOrEmpty(uri.UserInfo);

    private static string Shorten(string link) => link.Length <= 60 ? link : link[..57] + "...";
}
