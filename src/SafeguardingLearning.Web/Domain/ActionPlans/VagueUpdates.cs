using System.Text.RegularExpressions;

namespace SafeguardingLearning.Web.Domain.ActionPlans;

/// <summary>
/// Whether a progress update only says that work goes on ("ongoing", "in progress", "on track",
/// "no change") without saying what was done and when. Monitoring an action plan needs to know what
/// has actually changed (Working Together 2023, chapter 5, on acting on and monitoring learning), so
/// such an update is questioned on the form and, if sent anyway, flagged for the business unit.
/// </summary>
public static partial class VagueUpdates
{
    public const string Prompt =
        "Say exactly what was done and when, for example \"3 team briefings held on 4 and 11 March\". Words like \"ongoing\" or \"in progress\" do not show what has changed. If you cannot say more, choose \"Send it as it is\"";

    // Phrases that say only that work goes on; removed before looking for what was done.
    private static readonly string[] VaguePhrases =
    [
        "still being progressed", "being progressed", "work continues", "work is continuing", "work ongoing", "work in progress",
        "no change", "no update", "no further update", "nothing to report", "nothing new", "as before", "as previously reported",
        "see previous update", "see last update", "in progress", "on track", "on-going", "ongoing", "continuing", "continues",
        "progressing", "in hand", "under way", "underway", "as planned", "as expected", "going well", "remains", "same as last time",
    ];

    // Words that carry no account of what was done.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "is", "are", "was", "were", "be", "being", "been", "it", "this", "that", "these", "all", "we", "our",
        "still", "work", "works", "action", "actions", "as", "of", "at", "to", "with", "for", "on", "in", "by", "since", "last", "update",
        "updates", "so", "far", "now", "currently", "present", "time", "progress", "progressed", "further", "very", "well", "good",
        "partners", "team", "teams", "agency", "plan", "planned", "track", "same", "previous", "report", "nothing", "change", "changes",
        "continue", "continued", "going", "i", "will", "there", "has", "have", "had", "yes", "ok", "okay", "fine", "general", "generally",
    };

    private static readonly HashSet<string> WhenWords = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    };

    /// <summary>True when the text says only that work goes on, or too little to show what was done and when.</summary>
    public static bool IsVague(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var lower = text.ToLowerInvariant();
        var hadVaguePhrase = false;
        foreach (var phrase in VaguePhrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                hadVaguePhrase = true;
                lower = lower.Replace(phrase, " ", StringComparison.Ordinal);
            }
        }

        var words = Words().Matches(lower).Select(m => m.Value).ToList();
        var saysWhen = words.Any(w => w.Any(char.IsDigit) || WhenWords.Contains(w)) || lower.Contains("last week", StringComparison.Ordinal);
        var content = words.Where(w => !Filler.Contains(w) && !WhenWords.Contains(w) && !w.Any(char.IsDigit)).ToList();

        // Nothing said of what was done, whatever the date.
        if (content.Count == 0)
        {
            return true;
        }

        // A few words beside "ongoing" or "in progress", with no date: still not what was done and when.
        return !saysWhen && content.Count < (hadVaguePhrase ? 4 : 2);
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Words();
}
