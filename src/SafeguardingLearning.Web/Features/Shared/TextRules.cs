using FluentValidation;

namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>
/// How long a text is, as people count it: after trimming the spaces around it, and in characters
/// as they see them (text elements, so an emoji or an accented letter typed as two code points is
/// one).
/// </summary>
public static class TextRules
{
    /// <summary>Characters as people see them, after trimming.</summary>
    public static int VisibleLength(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : Domain.Reviews.TextLength.Of(text);

    /// <summary>
    /// Whether the trimmed text fits a column declared for <paramref name="maximum"/> characters.
    /// PostgreSQL's <c>character varying(n)</c> counts Unicode code points (SQLite does not limit
    /// a text's length), so a text of <paramref name="maximum"/> characters as people see them fits
    /// unless some of them are built of several code points (a flag, a skin tone, a family emoji).
    /// </summary>
    public static bool FitsColumn(string? text, int maximum) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().EnumerateRunes().Count() <= maximum;

    /// <summary>
    /// The one length rule for every text box: at most <paramref name="maximum"/> characters as
    /// people count them, with <paramref name="message"/> when longer; and, in the rare case of many
    /// characters built of several code points, a plain explanation rather than a failed save.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MaximumTextLength<T>(this IRuleBuilder<T, string?> rule, int maximum, string message) =>
        rule.Must(text => VisibleLength(text) <= maximum).WithMessage(message)
            .Must(text => VisibleLength(text) > maximum || FitsColumn(text, maximum))
            .WithMessage(message + ": some emoji and symbols take up the room of more than one character, so shorten it a little");

    /// <summary>
    /// A control character other than tab, carriage return and line feed: invisible, usually pasted
    /// in with text from another program, and refused by PostgreSQL when it is NUL (0x00).
    /// </summary>
    public static bool HasControlCharacter(string? text) =>
        text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    public const string ControlCharacterMessage =
        "Remove the invisible control character from this answer: it was probably pasted in with the text";
}
