using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TgeSwarm.Feeds.Sources.Server;

internal static partial class FeedRenderer
{
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
}
