using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>
/// Logs, every period, the events per second each stage of this silo handled, the latency from frame to cache, and
/// the latest features of a few instruments: the small live view of the embedded default run.
/// </summary>
internal sealed partial class MarketConsoleReporter(
    IOptions<MarketConsoleOptions> options,
    MarketInstruments instruments,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<MarketConsoleReporter> logger) : ISiloLifecycleParticipant, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public int Stage => SiloLifecycleStage.Active + 110;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Period > TimeSpan.Zero)
        {
            _loop = RunAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var previous = instruments.Totals();
        var previousAt = time.GetTimestamp();
        using var timer = new PeriodicTimer(options.Value.Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var totals = instruments.Totals();
                var seconds = time.GetElapsedTime(previousAt).TotalSeconds;
                previousAt = time.GetTimestamp();
                var rates = new StringBuilder();
                for (var i = 0; i < totals.Length; i++)
                {
                    rates.Append(CultureInfo.InvariantCulture, $"{MarketStages.All[i]} {(totals[i] - previous[i]) / seconds:F0}/s  ");
                }

                previous = totals;
                var latency = instruments.RecentLatency.Percentiles(50, 99);
                Log.Rates(logger, rates.ToString().TrimEnd(), latency[0], latency[1]);
                foreach (var instrument in instruments.BusiestInstruments(options.Value.Instruments))
                {
                    await ReportFeaturesAsync(instrument, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ReportFeaturesAsync(string instrument, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var snapshot in await grains.GetGrain<ICacheGrain>(instrument).GetLatestAsync(cancellationToken))
            {
                Log.Features(
                    logger, snapshot.Venue, snapshot.Instrument, snapshot.LastPrice, snapshot.Vwap, snapshot.Spread,
                    snapshot.Rsi ?? double.NaN, snapshot.Macd ?? double.NaN, snapshot.RealizedVolatility, snapshot.TradeCount);
            }
        }
        catch (TimeoutException exception)
        {
            // A slow cache grain costs one line of the report, not the reporter.
            Log.FeaturesUnavailable(logger, exception, instrument);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "market: {Rates}  latency p50 {P50:F2} ms p99 {P99:F2} ms")]
        public static partial void Rates(ILogger logger, string rates, double p50, double p99);

        [LoggerMessage(EventId = 5131, Level = LogLevel.Information,
            Message = "features {Venue} {Instrument}: last {Last} vwap {Vwap:F4} spread {Spread} rsi {Rsi:F1} macd {Macd:F5} vol {Volatility:F6} trades {Trades}")]
        public static partial void Features(
            ILogger logger, string venue, string instrument, decimal last, decimal vwap, decimal spread, double rsi, double macd, double volatility, long trades);

        [LoggerMessage(EventId = 5132, Level = LogLevel.Warning, Message = "features of {Instrument} unavailable for this report")]
        public static partial void FeaturesUnavailable(ILogger logger, Exception exception, string instrument);
    }
}
