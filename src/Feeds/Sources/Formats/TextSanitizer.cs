using System.Text;
using AngleSharp.Dom;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Makes feed text safe to store and show: markup is parsed as an HTML fragment (never by regex, which entity and
/// comment tricks defeat), script/style/embedded elements are dropped with their content, the remaining text is
/// taken with blocks separated, control and zero-width characters removed, whitespace collapsed, then bounded.
/// </summary>
internal static class TextSanitizer
{
    private static readonly string[] s_dropped = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"];

    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "hr",
    };

    public static string ToPlainText(string? input, int maxChars, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var text = input.AsSpan().IndexOfAny('<', '&') < 0 ? input : FromMarkup(input, context);
        return Bound(Collapse(text), maxChars, context);
    }

    private static string FromMarkup(string input, ParseContext context)
    {
        var nodes = context.HtmlParser.ParseFragment(input, context.FragmentContext);
        var text = new StringBuilder(input.Length);
        var removed = false;
        foreach (var node in nodes)
        {
            removed |= Append(node, text);
        }

        if (removed)
        {
            context.Count(SourceProblem.ScriptRemoved);
        }

        return text.ToString();
    }

    /// <returns>True when a dropped element was met under <paramref name="node"/>.</returns>
    private static bool Append(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                text.Append(t.Data);
                return false;
            case IElement e when s_dropped.Contains(e.LocalName, StringComparer.OrdinalIgnoreCase):
                return true;
            case IElement e:
                var block = s_blocks.Contains(e.LocalName);
                if (block)
                {
                    text.Append(' ');
                }

                var removed = false;
                foreach (var child in e.ChildNodes)
                {
                    removed |= Append(child, text);
                }

                if (block)
                {
                    text.Append(' ');
                }

                return removed;
            default:
                // Comments, processing instructions and doctypes carry nothing to show.
                return false;
        }
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            // Zero-width and bidi controls hide or reorder text (spoofed tickers); they carry no meaning in a title.
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static string Bound(string text, int maxChars, ParseContext context)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        context.Count(SourceProblem.TextTruncated);
        var cut = maxChars - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
