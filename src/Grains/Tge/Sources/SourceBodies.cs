using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>The bridge to the Feeds parsers: a source's kind and selectors in their terms, and their items as stream payloads.</summary>
internal static class SourceBodies
{
    public static SourceParseResult Parse(string sourceId, TgeSourceSettings settings, TgeFetchResponse response)
    {
        var parse = new SourceParseSettings
        {
            // The host guard already capped the body; the parser must not refuse what the guard let through.
            MaxBodyBytes = int.MaxValue,
            Html = settings.Html is { } h ? new HtmlSelectors(h.Item, h.Title, h.Link, h.Date, h.Summary) : null,
            Language = settings.Language,
        };
        return SourceParsers.Parse(sourceId, Kind(settings.Kind), response.Body, response.ContentType, new Uri(response.FinalUrl), parse);
    }

    public static TgeItem ToItem(SourceItem item, DateTimeOffset polledAt, DateTimeOffset seenAt) => new(
        item.SourceId, item.ItemId, item.Title, item.Summary, item.Link?.AbsoluteUri, item.Published, item.Language, item.Categories, polledAt, seenAt);

    private static SourceKind Kind(TgeSourceKind kind) => kind switch
    {
        TgeSourceKind.Rss => SourceKind.Rss,
        TgeSourceKind.Atom => SourceKind.Atom,
        TgeSourceKind.BinanceCms => SourceKind.BinanceCms,
        TgeSourceKind.Okx => SourceKind.Okx,
        TgeSourceKind.Bybit => SourceKind.Bybit,
        TgeSourceKind.Html => SourceKind.Html,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a source kind."),
    };
}
