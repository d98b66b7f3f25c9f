using System.Xml.Linq;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Reads one Atom <c>entry</c>: id, title, the alternate link (else the first link), published (else updated),
/// summary (else content). Text constructs of every type are handed to the sanitiser as markup: for <c>html</c> the
/// element's value is the unescaped markup, for <c>xhtml</c> and <c>text</c> its text.
/// </summary>
internal static class AtomEntries
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";

    public static RawItem Read(XElement entry)
    {
        var links = entry.Elements(s_atom + "link").ToArray();
        var alternate = links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate") ?? links.FirstOrDefault();
        var date = Text(entry.Element(s_atom + "published")) ?? Text(entry.Element(s_atom + "updated"));
        var summary = Text(entry.Element(s_atom + "summary")) ?? Text(entry.Element(s_atom + "content"));
        var categories = entry.Elements(s_atom + "category").Select(c => (string?)c.Attribute("label") ?? (string?)c.Attribute("term") ?? string.Empty).ToArray();
        return new RawItem(Text(entry.Element(s_atom + "id")), Text(entry.Element(s_atom + "title")), summary, (string?)alternate?.Attribute("href"), date, null, categories);
    }

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();
}
