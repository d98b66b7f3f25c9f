using System.Globalization;
using System.Net;
using System.Text;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Makes text safe to store and to show: the source parsers already hand over plain text, but a record outlives the
/// parser that made it and ends up in web pages and webhook bodies, so the event grain cleans it again.
/// <list type="number">
/// <item>Entities are decoded and tags stripped, repeatedly (at most <see cref="Passes"/> times), so
/// <c>&amp;lt;script&amp;gt;</c> cannot survive one pass and become a tag after the next; the content of
/// <c>script</c> and <c>style</c> elements goes with them, and an unclosed tag drops the rest of the text.</item>
/// <item>Any <c>&lt;</c> or <c>&gt;</c> still left is dropped: a record never holds anything a browser could read as
/// markup, whatever the nesting.</item>
/// <item>Control characters and invisible format characters (bidi overrides, zero-width spaces; the emoji joiner
/// U+200D stays) are dropped; whitespace runs become one space; the ends are trimmed.</item>
/// <item>The result is cut to a maximum length, never inside a surrogate pair.</item>
/// </list>
/// </summary>
internal static class TgeText
{
    public const int Passes = 3;

    public static string Plain(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Work on a bounded prefix: a hostile 10 MB title costs no more than a long one.
        var value = text.Length > maxLength * 8 ? text[..(maxLength * 8)] : text;
        for (var pass = 0; pass < Passes; pass++)
        {
            var next = StripTags(WebUtility.HtmlDecode(value));
            if (string.Equals(next, value, StringComparison.Ordinal))
            {
                break;
            }

            value = next;
        }

        return Bound(Clean(value), maxLength);
    }

    /// <summary>Text that is at most <paramref name="maxLength"/> long after cleaning, or null when nothing is left.</summary>
    public static string? PlainOrNull(string? text, int maxLength) => Plain(text, maxLength) is { Length: > 0 } plain ? plain : null;

    private static string StripTags(string value)
    {
        if (!value.Contains('<', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c != '<' || i + 1 >= value.Length || !StartsTag(value[i + 1]))
            {
                builder.Append(c);
                i++;
                continue;
            }

            var close = value.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            var skipTo = close + 1;
            if (OpensRawElement(value, i + 1, out var name))
            {
                var end = value.IndexOf("</" + name, skipTo, StringComparison.OrdinalIgnoreCase);
                var endClose = end < 0 ? -1 : value.IndexOf('>', end);
                if (endClose < 0)
                {
                    break;
                }

                skipTo = endClose + 1;
            }

            builder.Append(' ');
            i = skipTo;
        }

        return builder.ToString();
    }

    private static bool StartsTag(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    private static bool OpensRawElement(string value, int start, out string name)
    {
        foreach (var candidate in (ReadOnlySpan<string>)["script", "style"])
        {
            var end = start + candidate.Length;
            if (end <= value.Length
                && value.AsSpan(start, candidate.Length).Equals(candidate, StringComparison.OrdinalIgnoreCase)
                && (end == value.Length || !char.IsAsciiLetterOrDigit(value[end])))
            {
                name = candidate;
                return true;
            }
        }

        name = "";
        return false;
    }

    private static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (c is '<' or '>' || char.IsControl(c) || IsInvisibleFormat(c))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsInvisibleFormat(char c) =>
        c != '\u200D' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Bound(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..cut].TrimEnd();
    }
}
