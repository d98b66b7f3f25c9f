namespace TgeSwarm.Feeds.Sources;

/// <summary>One source served by <see cref="LocalSourceServer"/>.</summary>
public sealed class LocalSourceOptions
{
    /// <summary>The source's id: letters, digits, '-', '_' and '.'; it is the last path segment of its URL. Required.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The format served, which also picks the path: <c>/rss/{id}</c>, <c>/atom/{id}</c>, <c>/api/binance/{id}</c>, <c>/api/okx/{id}</c>, <c>/api/bybit/{id}</c>, <c>/html/{id}</c>.</summary>
    public SourceKind Kind { get; set; }

    /// <summary>A file whose items seed the source (read once at start with <see cref="SourceParsers"/> in <see cref="Kind"/>'s format). Default none.</summary>
    public string? File { get; set; }

    /// <summary>The embedded example that seeds the source when <see cref="File"/> is not set (see <see cref="LocalSourceServer.Examples"/>). Default none: the source starts empty.</summary>
    public string? Example { get; set; }

    /// <summary>When set, a new synthetic listing item is published this often on the server's clock. Default none.</summary>
    public TimeSpan? PublishEvery { get; set; }

    /// <summary>How many of the newest items a response carries, as a real first page would. Default 20.</summary>
    public int PageSize { get; set; } = 20;
}
