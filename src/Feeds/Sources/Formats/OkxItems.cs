using System.Text.Json;
using static TgeSwarm.Feeds.Sources.Formats.JsonAnnouncementParser;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// OKX announcements: <c>{code:"0", data:[{details:[{annType, title, url, pTime, businessPTime}], totalPage}]}</c>.
/// <c>pTime</c> is when the article really appeared (it may trail the shown <c>businessPTime</c> by minutes), so it
/// is the published time; the url is the stable id.
/// </summary>
internal static class OkxItems
{
    public static SourceParseResult Read(JsonElement root, ParseContext context)
    {
        var code = String(root, "code");
        if (code is not null && code != "0")
        {
            return context.Fail(SourceProblem.ApiError);
        }

        if (Array(root, "data") is not { } pages)
        {
            return context.Fail(SourceProblem.UnexpectedShape);
        }

        foreach (var page in pages.EnumerateArray())
        {
            foreach (var detail in Elements(page, "details"))
            {
                if (!context.WantsMore)
                {
                    context.Count(SourceProblem.TooManyItems);
                    return context.Result(null);
                }

                var url = String(detail, "url");
                var published = UnixTime(detail, "pTime", context) ?? UnixTime(detail, "businessPTime", context);
                var annType = String(detail, "annType");
                var categories = annType is null ? System.Array.Empty<string>() : [annType];
                context.Add(new RawItem(url, String(detail, "title"), null, url, null, published, categories), SourceKind.Okx, null);
            }
        }

        return context.Result(null);
    }
}
