using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Silo.Hosting;

namespace TgeSwarm.Silo.Tge;

/// <summary>
/// Starts the local source server when the silo is active and has the queen spawn one source agent on each of its
/// sources; pauses the sources and stops the server with the silo. The source grains are the ones a real deployment
/// points at exchanges' announcement pages.
/// </summary>
internal sealed partial class TgeLocalSourcesHost(
    IOptions<TgeLocalSourcesOptions> options, IGrainFactory grains, ILoggerFactory loggers, TimeProvider time, ILogger<TgeLocalSourcesHost> logger)
    : ISiloLifecycleParticipant, IAsyncDisposable
{
    // The two sources that get a new listing on schedule: an exchange API and a news feed, the two shapes that matter.
    private static readonly string[] Scheduled = ["binance-new-listings", "news-rss"];

    private static readonly ActionOrigin Origin = new("local-sources", "the embedded default's local TGE sources");

    // The queen's source driver reads kinds as camelCase names and refuses numbers.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly List<string> _sources = [];
    private LocalSourceServer? _server;

    public int Stage => SiloLifecycleStage.Active + 91;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var serverOptions = new LocalSourceServerOptions();
        foreach (var source in LocalSourceServer.DefaultSources())
        {
            if (settings.PublishEvery > TimeSpan.Zero && Scheduled.Contains(source.Id))
            {
                source.PublishEvery = settings.PublishEvery;
            }

            serverOptions.Sources.Add(source);
        }

        _server = await LocalSourceServer.StartAsync(serverOptions, loggers, time, cancellationToken);
        var queen = grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
        foreach (var endpoint in _server.Sources)
        {
            var source = new TgeSourceSettings(endpoint.Url.AbsoluteUri, Kind(endpoint.Kind), settings.MinInterval, settings.MaxInterval, Selectors(endpoint.Html));
            try
            {
                await queen.SpawnAsync(AgentTypes.Source, endpoint.SourceId, JsonSerializer.Serialize(source, Json), Origin, cancellationToken);
                _sources.Add(endpoint.SourceId);
                Log.SourceOnLocalServer(logger, endpoint.SourceId, endpoint.Kind, endpoint.Url);
            }
            catch (AgentConflictException conflict)
            {
                Log.SourceLeftToQueen(logger, endpoint.SourceId, conflict.Message);
            }
        }
    }

    // The sources go first, so they do not count the server's disappearance as a failing host. They are paused on the
    // grains, not through the queen: a silo stopping is no operator's wish to pause them.
    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        if (!await BoundedStop.AllAsync(_sources, id => grains.GetGrain<ISourceGrain>(id).PauseAsync(cancellationToken), time, cancellationToken))
        {
            Log.SourcesSlowToPause(logger, _sources.Count, BoundedStop.Grace);
        }

        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            await server.DisposeAsync();
        }
    }

    private static TgeSourceKind Kind(SourceKind kind) => kind switch
    {
        SourceKind.Rss => TgeSourceKind.Rss,
        SourceKind.Atom => TgeSourceKind.Atom,
        SourceKind.BinanceCms => TgeSourceKind.BinanceCms,
        SourceKind.Okx => TgeSourceKind.Okx,
        SourceKind.Bybit => TgeSourceKind.Bybit,
        SourceKind.Html => TgeSourceKind.Html,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The local source server serves no such kind."),
    };

    private static TgeHtmlSelectors? Selectors(HtmlSelectors? html) =>
        html is null ? null : new(html.Item, html.Title, html.Link, html.Date, html.Summary);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "TGE source {Source} polls the local {Kind} source at {Url}")]
        public static partial void SourceOnLocalServer(ILogger logger, string source, SourceKind kind, Uri url);

        [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Not all {Sources} local sources paused within {Grace}; stopping the server under the rest")]
        public static partial void SourcesSlowToPause(ILogger logger, int sources, TimeSpan grace);

        [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "TGE source {Source} is left as the queen has it: {Reason}")]
        public static partial void SourceLeftToQueen(ILogger logger, string source, string reason);
    }
}
