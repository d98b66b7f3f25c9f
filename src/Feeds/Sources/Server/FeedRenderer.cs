namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>Writes a page of items in a source kind's format, in the field names and shapes the real sources use.</summary>
internal static partial class FeedRenderer
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
}
