namespace TgeSwarm.Feeds.Sources;

/// <summary>The shape of a source's body, which picks the parser.</summary>
public enum SourceKind
{
    /// <summary>RSS 2.0 (an Atom body under this kind is read as Atom: feeds change format without notice).</summary>
    Rss,

    /// <summary>Atom 1.0 (an RSS body is read as RSS, for the same reason).</summary>
    Atom,

    /// <summary>Binance web CMS article list: <c>data.catalogs[].articles[]</c>.</summary>
    BinanceCms,

    /// <summary>OKX <c>/api/v5/support/announcements</c>: <c>data[].details[]</c>.</summary>
    Okx,

    /// <summary>Bybit <c>/v5/announcements/index</c>: <c>result.list[]</c>.</summary>
    Bybit,

    /// <summary>An HTML list page read with the CSS selectors of <see cref="HtmlSelectors"/>.</summary>
    Html,
}
