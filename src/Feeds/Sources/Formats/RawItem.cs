namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>An item as a format parser found it, before sanitising: text may hold markup, the link may be relative.</summary>
internal sealed record RawItem(string? Id, string? Title, string? Summary, string? Link, string? PublishedText, DateTimeOffset? Published, IReadOnlyList<string> Categories);
