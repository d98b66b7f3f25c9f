namespace TgeSwarm.Feeds.Sources;

/// <summary>An item the local source server serves, rendered in its source's format (newest first).</summary>
/// <param name="Id">The id the format carries (RSS guid, Atom id, Binance code, else the link for OKX and Bybit).</param>
/// <param name="Title">The title as served (the server does not sanitise: tests publish hostile titles on purpose).</param>
/// <param name="Summary">Description or summary; may hold markup.</param>
/// <param name="Link">Absolute or relative to the server.</param>
/// <param name="Published">The publish time served.</param>
public sealed record LocalSourceItem(string Id, string Title, string? Summary, string Link, DateTimeOffset Published);
