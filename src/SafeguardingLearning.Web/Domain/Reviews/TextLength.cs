using System.Globalization;

namespace SafeguardingLearning.Web.Domain.Reviews;

/// <summary>The length of a text as people see it: trimmed, and each character (an emoji is one) counted once.</summary>
public static class TextLength
{
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringInfo(text.Trim()).LengthInTextElements;
    }
}
