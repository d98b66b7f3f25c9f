using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>Writes a page of items in a source kind's format, in the field names and shapes the real sources use.</summary>
internal static class FeedRenderer
{
    public static string ContentType(SourceKind kind) => kind switch
    {
        SourceKind.Rss => "application/rss+xml; charset=utf-8",
        SourceKind.Atom => "application/atom+xml; charset=utf-8",
        SourceKind.Html => "text/html; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static byte[] Render(SourceKind kind, string id, Uri url, IReadOnlyList<LocalSourceItem> items) => kind switch
    {
        SourceKind.Rss => Xml(w => Rss(w, id, url, items)),
        SourceKind.Atom => Xml(w => Atom(w, id, url, items)),
        SourceKind.BinanceCms => Json(w => BinanceCms(w, items)),
        SourceKind.Okx => Json(w => Okx(w, items)),
        SourceKind.Bybit => Json(w => Bybit(w, items)),
        SourceKind.Html => Html(id, items),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown source kind"),
    };

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

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static void BinanceCms(Utf8JsonWriter w, IReadOnlyList<LocalSourceItem> items)
    {
        w.WriteStartObject();
        w.WriteString("code", "000000");
        w.WriteNull("messageDetail");
        w.WriteStartObject("data");
        w.WriteStartArray("catalogs");
        w.WriteStartObject();
        w.WriteNumber("catalogId", 48);
        w.WriteString("catalogName", "New Cryptocurrency Listing");
        w.WriteNumber("total", items.Count);
        w.WriteStartArray("articles");
        foreach (var item in items)
        {
            w.WriteStartObject();
            w.WriteString("code", item.Id);
            w.WriteString("title", item.Title);
            w.WriteNumber("type", 1);
            w.WriteNumber("releaseDate", item.Published.ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Okx(Utf8JsonWriter w, IReadOnlyList<LocalSourceItem> items)
    {
        w.WriteStartObject();
        w.WriteString("code", "0");
        w.WriteString("msg", string.Empty);
        w.WriteStartArray("data");
        w.WriteStartObject();
        w.WriteStartArray("details");
        foreach (var item in items)
        {
            var ms = item.Published.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject();
            w.WriteString("annType", "announcements-new-listings");
            w.WriteString("title", item.Title);
            w.WriteString("url", item.Link);
            w.WriteString("pTime", ms);
            w.WriteString("businessPTime", ms);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("totalPage", "1");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Bybit(Utf8JsonWriter w, IReadOnlyList<LocalSourceItem> items)
    {
        w.WriteStartObject();
        w.WriteNumber("retCode", 0);
        w.WriteString("retMsg", "OK");
        w.WriteStartObject("result");
        w.WriteNumber("total", items.Count);
        w.WriteStartArray("list");
        foreach (var item in items)
        {
            var ms = item.Published.ToUnixTimeMilliseconds();
            w.WriteStartObject();
            w.WriteString("title", item.Title);
            w.WriteString("description", item.Summary ?? string.Empty);
            w.WriteStartObject("type");
            w.WriteString("title", "New Listings");
            w.WriteString("key", "new_crypto");
            w.WriteEndObject();
            w.WriteStartArray("tags");
            w.WriteStringValue("Spot Listings");
            w.WriteEndArray();
            w.WriteString("url", item.Link);
            w.WriteNumber("dateTimestamp", ms);
            w.WriteNumber("startDateTimestamp", ms);
            w.WriteNumber("endDateTimestamp", ms);
            w.WriteNumber("publishTime", ms);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("retExtInfo");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The page <see cref="LocalSourceServer.HtmlSelectors"/> reads. Titles are written as markup on purpose: it is how a page with an injected title really looks.</summary>
    private static byte[] Html(string id, IReadOnlyList<LocalSourceItem> items)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(HtmlEncoder.Default.Encode(id)).Append("</title></head><body>\n<ul class=\"announcements\">\n");
        foreach (var item in items)
        {
            html.Append("<li class=\"announcement\" data-id=\"").Append(HtmlEncoder.Default.Encode(item.Id)).Append("\">")
                .Append("<a class=\"title\" href=\"").Append(HtmlEncoder.Default.Encode(item.Link)).Append("\">").Append(item.Title).Append("</a>")
                .Append("<time datetime=\"").Append(item.Published.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\"></time>");
            if (item.Summary is not null)
            {
                html.Append("<p class=\"summary\">").Append(item.Summary).Append("</p>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
