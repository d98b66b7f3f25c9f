using System.Text.Json;
using static TgeSwarm.Feeds.Sources.Formats.JsonAnnouncementParser;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Binance web CMS list: <c>{code:"000000", data:{catalogs:[{catalogName, articles:[{id, code, title, releaseDate}]}]}}</c>.
/// The article page is <c>/en/support/announcement/{code}</c> on the host the list came from.
/// </summary>
internal static class BinanceCmsItems
{
    public static SourceParseResult Read(JsonElement root, ParseContext context)
    {
        var code = String(root, "code");
        if (code is not null && code != "000000")
        {
            return context.Fail(SourceProblem.ApiError);
        }

        if (Property(root, "data") is not { } data || Array(data, "catalogs") is not { } catalogs)
        {
            return context.Fail(SourceProblem.UnexpectedShape);
        }

        foreach (var catalog in catalogs.EnumerateArray())
        {
            var catalogName = String(catalog, "catalogName");
            foreach (var article in Elements(catalog, "articles"))
            {
                if (!context.WantsMore)
                {
                    context.Count(SourceProblem.TooManyItems);
                    return context.Result(null);
                }

                var articleCode = String(article, "code");
                var link = articleCode is null ? null : "/en/support/announcement/" + Uri.EscapeDataString(articleCode);
                var categories = catalogName is null ? System.Array.Empty<string>() : [catalogName];
                var raw = new RawItem(articleCode ?? String(article, "id"), String(article, "title"), null, link, null, UnixTime(article, "releaseDate", context), categories);
                context.Add(raw, SourceKind.BinanceCms, null);
            }
        }

        return context.Result(null);
    }
}
