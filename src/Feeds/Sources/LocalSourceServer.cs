using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Sources.Server;

namespace TgeSwarm.Feeds.Sources;

/// <summary>
/// A loopback server of TGE sources for tests, benchmarks and the embedded default run: each configured source is
/// served on 127.0.0.1 at the path of its kind (<c>/rss/{id}</c>, <c>/atom/{id}</c>, <c>/api/binance/{id}</c>,
/// <c>/api/okx/{id}</c>, <c>/api/bybit/{id}</c>, <c>/html/{id}</c>) in the real source's format.
/// <para>
/// Guarantees: a source's answer is the page of its newest items as of the latest publish, with a strong ETag and a
/// Last-Modified that both change on every publish (Last-Modified by at least a second, so If-Modified-Since never
/// hides a publish), and 304 when the client's validators match. <see cref="PublishAsync(string, LocalSourceItem, CancellationToken)"/>
/// returns only once the new version is what every later request sees, so publish-then-poll is race-free.
/// </para>
/// <para>
/// Faults (<see cref="LocalSourceFault"/>) are queued per source and used up request by request: 500, a delay on the
/// server's clock, a spoiled body, 429 with Retry-After, or a redirect loop between the source's path and
/// <c>/loop/{id}</c>. A fault only ever affects its own source. Seeds come from files or the embedded examples, read
/// with <see cref="SourceParsers"/>; a seed with problems is logged and served with what could be read.
/// </para>
/// SOURCES.md lists the formats, paths and faults.
/// </summary>
public sealed class LocalSourceServer : IAsyncDisposable
{
    private readonly SourceHost _host;
    private readonly Dictionary<string, SourceFeed> _feeds;
    private readonly SourceFaults _faults;
    private readonly SourceCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping;
    private readonly List<Task> _schedules = [];
    private long _published;
    private int _stopped;

    private LocalSourceServer(SourceHost host, Dictionary<string, SourceFeed> feeds, SourceFaults faults, SourceCounters counters, TimeProvider time, ILogger logger, CancellationTokenSource stopping)
    {
        _host = host;
        _feeds = feeds;
        _faults = faults;
        _counters = counters;
        _time = time;
        _logger = logger;
        _stopping = stopping;
    }

    /// <summary>The selectors that read the server's HTML pages (and the embedded <c>listing_page.html</c>).</summary>
    public static HtmlSelectors HtmlSelectors { get; } = new("li.announcement", "a.title", "a.title", "time", "p.summary");

    /// <summary>The embedded examples a source can be seeded from (<see cref="LocalSourceOptions.Example"/>).</summary>
    public static IReadOnlyList<string> Examples => ExampleItems.Names;

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Every source served, in configuration order.</summary>
    public IReadOnlyList<LocalSourceEndpoint> Sources { get; private set; } = [];

    /// <summary>What the server has answered so far.</summary>
    public LocalSourceServerStatistics Statistics => _counters.Snapshot();

    /// <summary>One source per kind, seeded from the embedded examples: binance-new-listings, okx-new-listings, bybit-new-crypto, news-rss, project-atom, listing-html.</summary>
    public static List<LocalSourceOptions> DefaultSources() =>
    [
        new() { Id = "binance-new-listings", Kind = SourceKind.BinanceCms, Example = "binance_cms_articles.json" },
        new() { Id = "okx-new-listings", Kind = SourceKind.Okx, Example = "okx_announcements.json" },
        new() { Id = "bybit-new-crypto", Kind = SourceKind.Bybit, Example = "bybit_announcements.json" },
        new() { Id = "news-rss", Kind = SourceKind.Rss, Example = "news_rss.xml" },
        new() { Id = "project-atom", Kind = SourceKind.Atom, Example = "news_atom.xml" },
        new() { Id = "listing-html", Kind = SourceKind.Html, Example = "listing_page.html" },
    ];

    /// <summary>
    /// Validates <paramref name="options"/>, reads the seeds and starts serving; schedules and Slow faults follow
    /// <paramref name="timeProvider"/> (default: the system clock).
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="IOException">The port could not be bound.</exception>
    public static async Task<LocalSourceServer> StartAsync(LocalSourceServerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new LocalSourceServerOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(LocalSourceServerOptions.SectionName, typeof(LocalSourceServerOptions), validation.Failures);
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var logger = loggerFactory.CreateLogger<LocalSourceServer>();
        var stopping = new CancellationTokenSource();
        var host = await SourceHost.StartAsync(options.Port, loggerFactory, stopping.Token, cancellationToken);
        var faults = new SourceFaults();
        var counters = new SourceCounters();
        var feeds = new Dictionary<string, SourceFeed>(StringComparer.Ordinal);
        foreach (var source in options.Sources)
        {
            feeds.Add(source.Id, Seed(source, host.BaseAddress, time, logger));
        }

        foreach (var fault in options.Faults)
        {
            faults.Add(fault);
        }

        var server = new LocalSourceServer(host, feeds, faults, counters, time, logger, stopping)
        {
            Sources = [.. options.Sources.Select(s => new LocalSourceEndpoint(s.Id, s.Kind, feeds[s.Id].Url, s.Kind == SourceKind.Html ? HtmlSelectors : null))],
        };
        host.Serve(new SourceRequestHandler(feeds.Values, faults, counters, time, logger));
        foreach (var source in options.Sources.Where(s => s.PublishEvery is not null))
        {
            var schedule = new PublishSchedule(source.Id, source.PublishEvery!.Value, time, (title, ct) => server.PublishAsync(source.Id, title, ct), logger);
            server._schedules.Add(schedule.RunAsync(stopping.Token));
        }

        SourceServerLog.Started(logger, host.BaseAddress, feeds.Count);
        return server;
    }

    /// <summary>The URL of <paramref name="sourceId"/>.</summary>
    /// <exception cref="ArgumentException">No such source.</exception>
    public Uri UrlOf(string sourceId) => Feed(sourceId).Url;

    /// <summary>Puts <paramref name="item"/> at the top of the source's page; later requests see it (new ETag and Last-Modified).</summary>
    public Task PublishAsync(string sourceId, LocalSourceItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        var version = Feed(sourceId).Publish(item);
        _counters.Published();
        SourceServerLog.Published(_logger, sourceId, item.Id, version);
        return Task.CompletedTask;
    }

    /// <summary>Publishes a new item titled <paramref name="title"/>, stamped now on the server's clock, with a fresh id and link; returns it.</summary>
    public async Task<LocalSourceItem> PublishAsync(string sourceId, string title, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var feed = Feed(sourceId);
        var n = Interlocked.Increment(ref _published).ToString(CultureInfo.InvariantCulture);
        var id = $"{sourceId}-{n}";
        // Binance lists carry only the article code, and readers build the link from it: publish that very link.
        var path = feed.Kind == SourceKind.BinanceCms ? $"/en/support/announcement/{id}" : $"/articles/{sourceId}/{n}";
        var item = new LocalSourceItem(id, title, null, new Uri(feed.Url, path).AbsoluteUri, _time.GetUtcNow());
        await PublishAsync(sourceId, item, cancellationToken);
        return item;
    }

    /// <summary>Queues a fault on its source (after any already queued there).</summary>
    /// <exception cref="ArgumentException">No such source, or the fault is invalid.</exception>
    public void InjectFault(LocalSourceFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Feed(fault.SourceId);
        var problems = SourceFaults.Problems(fault).ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(fault));
        }

        _faults.Add(fault);
        SourceServerLog.FaultAdded(_logger, fault.SourceId, fault.Kind, fault.Times);
    }

    /// <summary>Removes every queued fault of the source; its next request is answered normally.</summary>
    public void ClearFaults(string sourceId)
    {
        Feed(sourceId);
        _faults.Clear(sourceId);
        SourceServerLog.FaultsCleared(_logger, sourceId);
    }

    /// <summary>Stops the schedules and the listener (in-flight slow answers are cancelled).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_schedules).WaitAsync(cancellationToken);
        await _host.StopAsync(cancellationToken);
        SourceServerLog.Stopped(_logger, _counters.Snapshot().Requests);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _host.DisposeAsync();
        _stopping.Dispose();
    }

    private static SourceFeed Seed(LocalSourceOptions source, Uri baseAddress, TimeProvider time, ILogger logger)
    {
        var url = new Uri(baseAddress, SourcePaths.PathOf(source.Kind, source.Id));
        var read = ExampleItems.Read(source, url);
        if (read.Problems.Count > 0)
        {
            SourceServerLog.SeedProblems(logger, source.Id, string.Join(", ", read.Problems.Select(p => $"{p.Key}={p.Value}")));
        }

        return new SourceFeed(source, read.Items.Select(i => ExampleItems.ToServed(i, url)), baseAddress, time);
    }

    private SourceFeed Feed(string sourceId) =>
        _feeds.TryGetValue(sourceId, out var feed) ? feed : throw new ArgumentException($"No local source '{sourceId}' (serving {string.Join(", ", _feeds.Keys)}).", nameof(sourceId));
}
