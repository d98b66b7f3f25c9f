namespace TgeSwarm.Bench.Grains;

/// <summary>Counts the events the benchmark's consumers handled and completes when a run's target is reached.</summary>
public sealed class StreamBenchCounter
{
    private long _count;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Expect(long events)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _count, 0);
        Volatile.Write(ref _target, events);
        return _reached.Task;
    }

    /// <summary>Attaches a batch handler that counts, to <paramref name="grain"/>'s implicit stream <c>streamNamespace/key</c>.</summary>
    public Task CountAsync(Grain grain, string provider, string streamNamespace) =>
        grain.GetStreamProvider(provider)
            .GetStream<Trade>(StreamId.Create(streamNamespace, grain.GetPrimaryKeyLong()))
            .SubscribeBatchAsync((items, _) =>
            {
                Add(items.Count);
                return Task.CompletedTask;
            });

    public void Add(int events)
    {
        if (Interlocked.Add(ref _count, events) >= Volatile.Read(ref _target))
        {
            _reached.TrySetResult();
        }
    }
}
