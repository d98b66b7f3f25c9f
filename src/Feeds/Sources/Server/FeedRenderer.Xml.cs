using System.Globalization;
using System.Text;
using System.Xml;

namespace TgeSwarm.Feeds.Sources.Server;

internal static partial class FeedRenderer
{
    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static void Rss(XmlWriter w, string id, Uri url, IReadOnlyList<LocalSourceItem> items)
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteStartElement("channel");
        w.WriteElementString("title", id);
        w.WriteElementString("link", url.AbsoluteUri);
        w.WriteElementString("description", "Local source " + id);
        w.WriteElementString("language", "en");
        foreach (var item in items)
        {
            w.WriteStartElement("item");
            w.WriteElementString("title", item.Title);
            w.WriteElementString("link", item.Link);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "false");
            w.WriteString(item.Id);
            w.WriteEndElement();
            w.WriteElementString("pubDate", item.Published.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + item.Published.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal));
            if (item.Summary is not null)
            {
                w.WriteElementString("description", item.Summary);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Atom(XmlWriter w, string id, Uri url, IReadOnlyList<LocalSourceItem> items)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        w.WriteStartElement("feed", ns);
        w.WriteAttributeString("xml", "lang", null, "en");
        w.WriteElementString("title", ns, id);
        w.WriteElementString("id", ns, url.AbsoluteUri);
        w.WriteElementString("updated", ns, (items.Count > 0 ? items[0].Published : DateTimeOffset.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        foreach (var item in items)
        {
            w.WriteStartElement("entry", ns);
            w.WriteElementString("id", ns, item.Id);
            w.WriteStartElement("title", ns);
            w.WriteAttributeString("type", "html");
            w.WriteString(item.Title);
            w.WriteEndElement();
            w.WriteStartElement("link", ns);
            w.WriteAttributeString("href", item.Link);
            w.WriteEndElement();
            w.WriteElementString("published", ns, item.Published.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            w.WriteElementString("updated", ns, item.Published.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            if (item.Summary is not null)
            {
                w.WriteStartElement("summary", ns);
                w.WriteAttributeString("type", "html");
                w.WriteString(item.Summary);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
