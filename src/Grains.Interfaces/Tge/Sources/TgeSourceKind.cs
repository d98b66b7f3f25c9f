namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>The shape of a source's body, which picks its parser (the same kinds as the Feeds parsers read).</summary>
public enum TgeSourceKind
{
    /// <summary>RSS 2.0 (an Atom body is read as Atom: feeds change format without notice).</summary>
    Rss,

    /// <summary>Atom 1.0 (an RSS body is read as RSS).</summary>
    Atom,

    /// <summary>The Binance web CMS article list.</summary>
    BinanceCms,

    /// <summary>OKX <c>/api/v5/support/announcements</c>.</summary>
    Okx,

    /// <summary>Bybit <c>/v5/announcements/index</c>.</summary>
    Bybit,

    /// <summary>An HTML list page read with <see cref="TgeHtmlSelectors"/>.</summary>
    Html,
}
