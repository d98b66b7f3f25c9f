using TgeSwarm.Feeds.Sources.Formats;

namespace TgeSwarm.Feeds.Sources;

/// <summary>The parsers' sanitiser, for text that reaches storage by another road (operator input, webhooks, merges).</summary>
public static class SourceText
{
    private static readonly Uri s_nowhere = new("http://127.0.0.1/");

    /// <summary>
    /// Plain text from possibly hostile markup: scripts and embedded content dropped with their text, tags removed,
    /// entities decoded, control/zero-width/bidi characters removed, whitespace collapsed, cut to
    /// <paramref name="maxChars"/> (ending in '…').
    /// </summary>
    public static string ToPlainText(string? text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        return TextSanitizer.ToPlainText(text, maxChars, new ParseContext("text", s_nowhere, SourceParseSettings.Default));
    }
}
