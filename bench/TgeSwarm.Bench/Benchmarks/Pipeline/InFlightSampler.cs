using System.Globalization;
using TgeSwarm.Grains.Market.Pipeline;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Samples, every few milliseconds while a run lasts, how many events ingestion has published that the feature
/// stage has not yet taken: the events queued between the stages. What is queued when a collection starts survives
/// it, so this says how much of a collection's promoted bytes the queues can explain.
/// </summary>
internal sealed class InFlightSampler : IAsyncDisposable
{
    private static readonly int Ingestion = Array.IndexOf(MarketStages.All, MarketStages.Ingestion);
    private static readonly int Features = Array.IndexOf(MarketStages.All, MarketStages.Features);
    private readonly MarketInstruments _instruments;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _samples;
    private long _sum;
    private long _max;

    public InFlightSampler(MarketInstruments instruments)
    {
        _instruments = instruments;
        _loop = Task.Run(SampleAsync);
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"events between ingestion and features: mean {_sum / (double)Math.Max(1, _samples):0}, max {_max} over {_samples} samples");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var totals = _instruments.Totals();
                var inFlight = totals[Ingestion] - totals[Features];
                _samples++;
                _sum += inFlight;
                _max = Math.Max(_max, inFlight);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
