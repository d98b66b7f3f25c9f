using System.Text.Json;
using static TgeSwarm.Feeds.Sources.Formats.JsonAnnouncementParser;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Bybit announcements: <c>{retCode:0, result:{list:[{title, description, type:{title,key}, tags[], url, dateTimestamp, publishTime?}]}}</c>.
/// The published time is <c>publishTime</c> when present, else <c>dateTimestamp</c>; the url is the stable id.
/// </summary>
internal static class BybitItems
{
    public static SourceParseResult Read(JsonElement root, ParseContext context)
    {
        if (Property(root, "retCode") is { } retCode && !(retCode.ValueKind == JsonValueKind.Number && retCode.TryGetInt64(out var c) && c == 0))
        {
            return context.Fail(SourceProblem.ApiError);
        }

        if (Property(root, "result") is not { } result || Array(result, "list") is not { } list)
        {
            return context.Fail(SourceProblem.UnexpectedShape);
        }

        foreach (var entry in list.EnumerateArray())
        {
            if (!context.WantsMore)
            {
                context.Count(SourceProblem.TooManyItems);
                break;
            }

            var url = String(entry, "url");
            var published = Property(entry, "publishTime") is null ? UnixTime(entry, "dateTimestamp", context) : UnixTime(entry, "publishTime", context);
            context.Add(new RawItem(url, String(entry, "title"), String(entry, "description"), url, null, published, Categories(entry)), SourceKind.Bybit, null);
        }

        return context.Result(null);
    }

    private static string[] Categories(JsonElement entry)
    {
        var categories = new List<string>();
        if (Property(entry, "type") is { } type && String(type, "title") is { } typeTitle)
        {
            categories.Add(typeTitle);
        }

        foreach (var tag in Elements(entry, "tags"))
        {
            if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { } text)
            {
                categories.Add(text);
            }
        }

        return [.. categories];
    }
}
