namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// One announcement or article read from a source, already safe to store and show: <see cref="Title"/> and
/// <see cref="Summary"/> are plain text (markup and scripts removed, whitespace collapsed, length-bounded) and
/// <see cref="Link"/> is an absolute http(s) URL or null.
/// </summary>
/// <param name="SourceId">The configured source the item was read from.</param>
/// <param name="ItemId">Stable per source: the feed's guid/id, the API's id or code, else the link, else a hash of title and date.</param>
/// <param name="Title">Plain text, never empty.</param>
/// <param name="Summary">Plain text, possibly empty.</param>
/// <param name="Link">Absolute http(s) link, relative links resolved against the request URL; null when absent or unsafe.</param>
/// <param name="Published">The publish time with its zone as given (UTC for Unix timestamps); null when absent or unreadable.</param>
/// <param name="Language">The feed's or page's language tag when it declares one.</param>
/// <param name="RawKind">The format the item was actually read from.</param>
/// <param name="Categories">Categories, tags or catalogue names the source attaches (plain text).</param>
public sealed record SourceItem(
    string SourceId,
    string ItemId,
    string Title,
    string Summary,
    Uri? Link,
    DateTimeOffset? Published,
    string? Language,
    SourceKind RawKind,
    IReadOnlyList<string> Categories);
