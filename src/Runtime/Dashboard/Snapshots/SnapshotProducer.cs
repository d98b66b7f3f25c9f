using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Diagnostics;

namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// The silo's one sampler for all open dashboards.
/// </summary>
/// <remarks>
/// Sampling costs a management call to every silo, so it runs only while someone watches: the first subscriber
/// starts a loop that samples at once and then every <see cref="DashboardOptions.SampleInterval"/>; the last one
/// to leave stops it. Each sample is serialised once into a <see cref="PublishedSnapshot"/> with a rising
/// version, kept as the latest, and waiters are woken through a completion source that is swapped on every
/// publish. A connection asks for "something newer than what I sent", so a slow connection simply gets the
/// latest when it is ready again and skips what it missed: nothing queues per connection.
/// A sample that throws is logged and the loop tries again at the next tick; the snapshot source already turns
/// the expected failures (a silo not answering) into named problems inside the sample.
/// </remarks>
internal sealed partial class SnapshotProducer : IAsyncDisposable
{
    private readonly ISnapshotSource _source;
    private readonly DashboardClock _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<SnapshotProducer> _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PublishedSnapshot? _latest;
    private CancellationTokenSource? _stopLoop;
    private Task _loop = Task.CompletedTask;
    private int _subscribers;
    private long _version;
    private long _samples;

    public SnapshotProducer(ISnapshotSource source, DashboardClock clock, IOptions<DashboardOptions> options, ILogger<SnapshotProducer> logger)
    {
        _source = source;
        _clock = clock;
        _interval = options.Value.SampleInterval;
        _logger = logger;
    }

    /// <summary>Samples taken since the silo started (for tests: none while nobody watches).</summary>
    public long SamplesTaken => Interlocked.Read(ref _samples);

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers;
            }
        }
    }

    /// <summary>The running (or last) sampling loop; completes once it has stopped.</summary>
    public Task Loop
    {
        get
        {
            lock (_gate)
            {
                return _loop;
            }
        }
    }

    /// <summary>Counts a watcher in; the first starts the sampling. Dispose the result when the watcher leaves.</summary>
    public IDisposable Subscribe()
    {
        lock (_gate)
        {
            if (_subscribers++ == 0)
            {
                _latest = null;
                _stopLoop = new CancellationTokenSource();
                _loop = RunAsync(_stopLoop);
            }
        }

        return new Subscription(this);
    }

    /// <summary>The latest snapshot newer than <paramref name="afterVersion"/>, waiting for the next sample if there is none yet.</summary>
    public async Task<PublishedSnapshot> NextAsync(long afterVersion, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task published;
            lock (_gate)
            {
                if (_latest is { } latest && latest.Version > afterVersion)
                {
                    return latest;
                }

                published = _next.Task;
            }

            await published.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The first snapshot whose sampling started after <paramref name="samplesTaken"/> (a <see cref="SamplesTaken"/>
    /// read before subscribing): what the cluster looks like now, not a sample taken before the caller's own
    /// changes. Call it while subscribed.
    /// </summary>
    public async Task<PublishedSnapshot> FreshAsync(long samplesTaken, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task published;
            lock (_gate)
            {
                if (_latest is { } latest && latest.Sample > samplesTaken)
                {
                    return latest;
                }

                published = _next.Task;
            }

            await published.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _stopLoop?.Cancel();
            loop = _loop;
        }

        await loop;
    }

    private void Unsubscribe()
    {
        lock (_gate)
        {
            if (--_subscribers == 0)
            {
                // The loop disposes its source once it has stopped using the token.
                _stopLoop?.Cancel();
                _stopLoop = null;
            }
        }
    }

    private async Task RunAsync(CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        // Off the subscriber's thread: the first sample should not run inside the request that subscribed.
        await Task.Yield();
        LogSamplingStarted(_logger, _interval);
        try
        {
            // The timer exists before the first sample, so the interval is measured from the first sample's start.
            using var timer = new PeriodicTimer(_interval, _clock.Time);
            await SampleOnceAsync(cancellationToken);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await SampleOnceAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The last watcher left, or the silo is stopping.
        }
        finally
        {
            stop.Dispose();
            LogSamplingStopped(_logger);
        }
    }

    private async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        var sample = Interlocked.Increment(ref _samples);
        DashboardSnapshot snapshot;
        try
        {
            snapshot = await _source.SampleAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Logged, and the next tick samples again: one bad sample must not end every open dashboard.
            LogSampleFailed(_logger, exception);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var version = Interlocked.Increment(ref _version);
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot with { Version = version }, DashboardJsonContext.Default.DashboardSnapshot);
        TaskCompletionSource woken;
        lock (_gate)
        {
            _latest = new PublishedSnapshot(version, sample, json);
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    [LoggerMessage(DashboardEventIds.SamplingStarted, LogLevel.Debug, "Dashboard sampling started: every {Interval} while dashboards are open")]
    private static partial void LogSamplingStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(DashboardEventIds.SamplingStopped, LogLevel.Debug, "Dashboard sampling stopped")]
    private static partial void LogSamplingStopped(ILogger logger);

    [LoggerMessage(DashboardEventIds.SampleFailed, LogLevel.Error, "Dashboard sample failed; the next tick samples again")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);

    private sealed class Subscription(SnapshotProducer producer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                producer.Unsubscribe();
            }
        }
    }
}
