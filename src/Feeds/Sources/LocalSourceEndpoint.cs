namespace TgeSwarm.Feeds.Sources;

/// <summary>Where one local source is served and how to read it: configure a source grain with exactly this.</summary>
/// <param name="SourceId">The configured id.</param>
/// <param name="Kind">The format served.</param>
/// <param name="Url">The absolute URL on 127.0.0.1.</param>
/// <param name="Html">The selectors of an <see cref="SourceKind.Html"/> source (<see cref="LocalSourceServer.HtmlSelectors"/>); null for the other kinds.</param>
public sealed record LocalSourceEndpoint(string SourceId, SourceKind Kind, Uri Url, HtmlSelectors? Html);
