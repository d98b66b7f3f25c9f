using System.Globalization;
using System.Text.Json;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// The exchanges' announcement APIs. JSON has no safe partial read (a truncated body may end mid-array and the
/// envelope's error code may come last), so a malformed body fails whole; a well-formed body in the wrong shape is
/// <see cref="SourceProblem.UnexpectedShape"/>, a body carrying an error code <see cref="SourceProblem.ApiError"/>.
/// Items missing fields are still read with what they have.
/// </summary>
internal static class JsonAnnouncementParser
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 32, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static SourceParseResult Parse(SourceKind kind, string text, ParseContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, s_options);
        }
        catch (JsonException)
        {
            return context.Fail(SourceProblem.MalformedJson);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return context.Fail(SourceProblem.UnexpectedShape);
            }

            return kind switch
            {
                SourceKind.BinanceCms => BinanceCmsItems.Read(root, context),
                SourceKind.Okx => OkxItems.Read(root, context),
                SourceKind.Bybit => BybitItems.Read(root, context),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a JSON announcement kind"),
            };
        }
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement? Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array : null;

    /// <summary>The elements of the array property <paramref name="name"/>; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Elements(JsonElement element, string name) =>
        Array(element, name) is { } array ? array.EnumerateArray() : [];

    public static string? String(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    /// <summary>A Unix time in seconds or milliseconds, written as a number or a numeric string (OKX).</summary>
    public static DateTimeOffset? UnixTime(JsonElement element, string name, ParseContext context)
    {
        var property = Property(element, name);
        if (property is null)
        {
            return null;
        }

        long? value = property.Value.ValueKind switch
        {
            JsonValueKind.Number when property.Value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(property.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
        var time = value is { } v ? FeedDates.FromUnix(v) : null;
        if (time is null)
        {
            context.Count(SourceProblem.BadDate);
        }

        return time;
    }
}
