using System.Diagnostics;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// The load both sides of the <c>postgres_queue</c> benchmark run: producer loops enqueueing rows and one consumer
/// loop per queue reading, "delivering" and acknowledging, all at once, until the time is up. Each loop returns
/// how many events it moved per call; the figures are the counts between the end of the warm-up and the end of
/// the measurement, so the warm-up's start-up costs and the backlog it built are not counted as throughput.
/// </summary>
internal sealed class PostgresQueueLoad
{
    private long _enqueued;
    private long _acknowledged;

    public required int Producers { get; init; }

    public required int Queues { get; init; }

    /// <summary>One enqueue by producer <c>p</c> (call number <c>n</c>); returns the events enqueued.</summary>
    public required Func<int, long, Task<int>> Produce { get; init; }

    /// <summary>One read-deliver-acknowledge round of queue <c>q</c>; returns the events acknowledged (0: the queue was empty).</summary>
    public required Func<int, Task<int>> Consume { get; init; }

    public async Task<PostgresQueueFigures> RunAsync(TimeSpan warmUp, TimeSpan measure)
    {
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, Producers).Select(p => Task.Run(() => ProduceLoopAsync(p, stop.Token)))
            .Concat(Enumerable.Range(0, Queues).Select(q => Task.Run(() => ConsumeLoopAsync(q, stop.Token))))
            .ToArray();
        try
        {
            await Task.Delay(warmUp);
            var enqueuedBefore = Interlocked.Read(ref _enqueued);
            var acknowledgedBefore = Interlocked.Read(ref _acknowledged);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(measure);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new PostgresQueueFigures(
                (Interlocked.Read(ref _enqueued) - enqueuedBefore) / seconds,
                (Interlocked.Read(ref _acknowledged) - acknowledgedBefore) / seconds);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
        }
    }

    // Database calls are not given the token: a loop finishes its round trip and then sees the stop, so no
    // statement is cancelled half-way and no cancellation noise ends up in the figures.
    private async Task ProduceLoopAsync(int producer, CancellationToken stop)
    {
        for (long call = 0; !stop.IsCancellationRequested; call++)
        {
            Interlocked.Add(ref _enqueued, await Produce(producer, call));
        }
    }

    private async Task ConsumeLoopAsync(int queue, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var events = await Consume(queue);
            if (events == 0)
            {
                // An empty queue waits a little before it polls again, as a pulling agent does (shorter than the
                // provider's 100 ms so the benchmark measures the database, not the poll interval).
                await Task.Delay(1, CancellationToken.None);
            }

            Interlocked.Add(ref _acknowledged, events);
        }
    }
}
