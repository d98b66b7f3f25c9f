using System.Net.Http.Headers;
using System.Text;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Turns body bytes into text with the charset the body most credibly has: a byte-order mark wins (it cannot be
/// wrong about itself), then the Content-Type charset, then the XML declaration or HTML meta charset, then UTF-8.
/// Unknown charsets are counted and read as UTF-8; invalid bytes become U+FFFD rather than failing the body.
/// </summary>
internal static class BodyDecoder
{
    private const int SniffBytes = 1024;

    public static string Decode(ReadOnlySpan<byte> body, string? contentType, ParseContext context)
    {
        var (bomEncoding, bomLength) = FromBom(body);
        if (bomEncoding is not null)
        {
            return bomEncoding.GetString(body[bomLength..]);
        }

        var declared = CharsetOf(contentType) ?? Sniff(body);
        var encoding = Encoding.UTF8;
        if (declared is not null)
        {
            var found = Lookup(declared);
            if (found is null)
            {
                context.Count(SourceProblem.UnknownEncoding);
            }
            else
            {
                encoding = found;
            }
        }

        return encoding.GetString(body);
    }

    internal static Encoding? Lookup(string name)
    {
        var trimmed = name.Trim().Trim('"', '\'');
        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            // Not built in (invariant globalization ships only UTF-*, ASCII and Latin-1): the code-page provider
            // knows windows-125x, KOI8-R, Shift_JIS, GBK… Asked directly so no process-wide registration is needed.
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed);
        }
    }

    private static (Encoding? Encoding, int Length) FromBom(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    private static string? CharsetOf(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && !string.IsNullOrWhiteSpace(media.CharSet)
            ? media.CharSet
            : null;

    /// <summary>The <c>encoding="…"</c> of an XML declaration or the <c>charset=</c> of an HTML meta, in the first KiB (read as ASCII, which every candidate charset agrees with there).</summary>
    private static string? Sniff(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, SniffBytes)]);
        if (head.StartsWith("<?xml", StringComparison.Ordinal))
        {
            var end = head.IndexOf("?>", StringComparison.Ordinal);
            return end < 0 ? null : ValueAfter(head[..end], "encoding=");
        }

        return ValueAfter(head, "charset=");
    }

    private static string? ValueAfter(string text, string key)
    {
        var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + key.Length;
        while (start < text.Length && text[start] is '"' or '\'' or ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.' or ':'))
        {
            end++;
        }

        return end > start ? text[start..end] : null;
    }
}
