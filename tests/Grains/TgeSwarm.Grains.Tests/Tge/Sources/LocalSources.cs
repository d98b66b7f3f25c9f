using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>The local source server of src/Feeds as the tests use it, and source settings that point at it.</summary>
internal static class LocalSources
{
    /// <summary>Items on the embedded example pages.</summary>
    public const int RssItems = 3;
    public const int BinanceItems = 1;
    public const int OkxItems = 2;
    public const int BybitItems = 1;
    public const int HtmlItems = 3;

    public static Task<LocalSourceServer> StartAsync() =>
        LocalSourceServer.StartAsync(new LocalSourceServerOptions { Sources = LocalSourceServer.DefaultSources() });

    /// <summary>Settings for one of the server's sources; long intervals, so only the test's own polls and clock moves make polls happen.</summary>
    public static TgeSourceSettings Settings(LocalSourceServer server, string sourceId, TimeSpan? min = null, TimeSpan? max = null, bool emitExisting = true)
    {
        var endpoint = server.Sources.Single(s => s.SourceId == sourceId);
        var html = endpoint.Html is { } h ? new TgeHtmlSelectors(h.Item, h.Title, h.Link, h.Date, h.Summary) : null;
        return new TgeSourceSettings(
            endpoint.Url.AbsoluteUri,
            Enum.Parse<TgeSourceKind>(endpoint.Kind.ToString()),
            min ?? TimeSpan.FromMinutes(10),
            max ?? TimeSpan.FromHours(1),
            html,
            EmitExisting: emitExisting);
    }

    public static long RequestsTo(LocalSourceServer server, string sourceId) =>
        server.Statistics.RequestsBySource.TryGetValue(sourceId, out var count) ? count : 0;
}
