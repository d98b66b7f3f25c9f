using System.Xml.Linq;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>Reads one RSS 2.0 <c>item</c>: title, link (else a permalink guid), guid, pubDate (else dc:date), description (else content:encoded), categories.</summary>
internal static class RssItems
{
    private static readonly XNamespace s_dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace s_content = "http://purl.org/rss/1.0/modules/content/";

    public static RawItem Read(XElement item)
    {
        var guid = item.Element("guid");
        var permalink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = Text(item.Element("link")) ?? (permalink ? Text(guid) : null);
        var summary = Text(item.Element("description")) ?? Text(item.Element(s_content + "encoded"));
        var date = Text(item.Element("pubDate")) ?? Text(item.Element(s_dc + "date"));
        var categories = item.Elements("category").Select(c => c.Value).ToArray();
        return new RawItem(Text(guid), Text(item.Element("title")), summary, link, date, null, categories);
    }

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();
}
