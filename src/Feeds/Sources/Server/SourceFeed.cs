using System.Globalization;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>
/// One served source: its items (newest first) and the validators of the current version. The body is rendered once
/// per version and shared by every request until the next publish.
/// </summary>
internal sealed class SourceFeed
{
    private readonly Lock _lock = new();
    private readonly List<LocalSourceItem> _items;
    private readonly TimeProvider _time;
    private Snapshot _current;

    public SourceFeed(LocalSourceOptions options, IEnumerable<LocalSourceItem> seed, Uri baseAddress, TimeProvider time)
    {
        Id = options.Id;
        Kind = options.Kind;
        PageSize = options.PageSize;
        Url = new Uri(baseAddress, SourcePaths.PathOf(Kind, Id));
        _time = time;
        _items = [.. seed.OrderByDescending(i => i.Published)];
        _current = Render(1, WholeSeconds(time.GetUtcNow()));
    }

    public string Id { get; }

    public SourceKind Kind { get; }

    public int PageSize { get; }

    public Uri Url { get; }

    public Snapshot Current => Volatile.Read(ref _current);

    public long Publish(LocalSourceItem item)
    {
        lock (_lock)
        {
            _items.Insert(0, item);
            var previous = _current;
            // HTTP dates have whole seconds: two versions in one second would share a Last-Modified and a client
            // asking If-Modified-Since would be told 304 for the newer one. Each version moves on by at least 1 s.
            var now = WholeSeconds(_time.GetUtcNow());
            var modified = now > previous.LastModified ? now : previous.LastModified.AddSeconds(1);
            var next = Render(previous.Version + 1, modified);
            Volatile.Write(ref _current, next);
            return next.Version;
        }
    }

    private Snapshot Render(long version, DateTimeOffset lastModified)
    {
        var page = _items.Take(PageSize).ToArray();
        var body = FeedRenderer.Render(Kind, Id, Url, page);
        var etag = "\"" + Id + "-" + version.ToString(CultureInfo.InvariantCulture) + "\"";
        return new Snapshot(version, etag, lastModified, body, page.Length);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public sealed record Snapshot(long Version, string ETag, DateTimeOffset LastModified, byte[] Body, int ItemCount);
}
