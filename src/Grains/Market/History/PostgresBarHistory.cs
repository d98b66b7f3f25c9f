using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.History;

/// <summary>
/// Records closed bars in PostgreSQL in batches. Cache grains enqueue without waiting; one loop per silo drains the
/// queue into batches of up to <see cref="MarketHistoryOptions.BatchSize"/> bars or whatever arrived within
/// <see cref="MarketHistoryOptions.FlushInterval"/>. A batch that fails is retried (backoff doubling to
/// <see cref="MarketHistoryOptions.RetryMaxDelay"/>) until it is written, so an outage delays bars instead of losing
/// them, up to <see cref="MarketHistoryOptions.Capacity"/> bars held; beyond that new bars are dropped and counted.
/// On stop the queue is drained within the stop timeout.
/// </summary>
internal sealed partial class PostgresBarHistory : IBarHistorySink, ISiloLifecycleParticipant, IAsyncDisposable
{
    private readonly Channel<Bar> _queue;
    private readonly MarketHistoryOptions _options;
    private readonly BarCopyWriter _writer;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresBarHistory> _logger;
    private readonly CancellationTokenSource _abandon = new();
    private Task _loop = Task.CompletedTask;
    private long _dropped;
    private long _written;
    private int _disposed;

    public PostgresBarHistory(IOptions<MarketHistoryOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options.Value;
        _time = time;
        _logger = loggers.CreateLogger<PostgresBarHistory>();
        _queue = Channel.CreateBounded<Bar>(new BoundedChannelOptions(_options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        _dataSource = new NpgsqlDataSourceBuilder(_options.ConnectionString).UseLoggerFactory(loggers).Build();
        _writer = new BarCopyWriter(_dataSource);
    }

    public int Stage => SiloLifecycleStage.ApplicationServices;

    /// <summary>Bars written to the database so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Bars refused because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(IReadOnlyList<Bar> bars)
    {
        foreach (var bar in bars)
        {
            if (!_queue.Writer.TryWrite(bar) && Interlocked.Increment(ref _dropped) % 10_000 == 1)
            {
                // Logged on the first drop and every 10 000th after: an outage must be visible without flooding the log.
                Log.Dropped(_logger, Dropped, _options.Capacity);
            }
        }
    }

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_abandon.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abandon.CancelAsync();
            Log.Abandoned(_logger, _queue.Reader.Count);
        }
    }

    // The container may dispose it once per registration that hands it out (it is the sink and a lifecycle participant).
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _abandon.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _dataSource.DisposeAsync();
        _abandon.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<Bar>(_options.BatchSize);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                await FillAsync(reader, batch, cancellationToken);
                await WriteWithRetryAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned at stop; OnStopAsync logged what was left.
        }
    }

    // Takes what is there; if the batch is not full, waits up to the flush interval for more.
    private async Task FillAsync(ChannelReader<Bar> reader, List<Bar> batch, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(_options.FlushInterval.TotalSeconds * _time.TimestampFrequency);
        while (batch.Count < _options.BatchSize)
        {
            while (batch.Count < _options.BatchSize && reader.TryRead(out var bar))
            {
                batch.Add(bar);
            }

            var remaining = deadline - _time.GetTimestamp();
            if (batch.Count >= _options.BatchSize || remaining <= 0 || reader.Completion.IsCompleted)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds((double)remaining / _time.TimestampFrequency));
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteWithRetryAsync(List<Bar> batch, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _writer.WriteAsync(batch, cancellationToken);
                Interlocked.Add(ref _written, batch.Count);
                if (attempt > 1)
                {
                    Log.Recovered(_logger, batch.Count, attempt);
                }

                return;
            }
            catch (NpgsqlException exception)
            {
                Log.WriteFailed(_logger, exception, batch.Count, attempt, delay);
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5140, Level = LogLevel.Warning, Message = "Writing {Bars} bars failed (attempt {Attempt}); retrying in {Delay}")]
        public static partial void WriteFailed(ILogger logger, Exception exception, int bars, int attempt, TimeSpan delay);

        [LoggerMessage(EventId = 5141, Level = LogLevel.Information, Message = "Wrote {Bars} bars after {Attempt} attempts")]
        public static partial void Recovered(ILogger logger, int bars, int attempt);

        [LoggerMessage(EventId = 5142, Level = LogLevel.Error, Message = "Bar history queue full ({Capacity} bars): {Dropped} bars dropped so far")]
        public static partial void Dropped(ILogger logger, long dropped, int capacity);

        [LoggerMessage(EventId = 5143, Level = LogLevel.Warning, Message = "Stopped before {Bars} queued bars were written")]
        public static partial void Abandoned(ILogger logger, int bars);
    }
}
