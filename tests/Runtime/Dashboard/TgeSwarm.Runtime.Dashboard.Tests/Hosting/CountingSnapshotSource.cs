using TgeSwarm.Runtime.Dashboard.Snapshots;

namespace TgeSwarm.Runtime.Dashboard.Tests.Hosting;

/// <summary>A snapshot source that counts its samples and lets a test wait for the n-th one.</summary>
internal sealed class CountingSnapshotSource : ISnapshotSource
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _samples;

    public int Samples => Volatile.Read(ref _samples);

    public ValueTask<DashboardSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var count = Interlocked.Increment(ref _samples);
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Count <= count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return ValueTask.FromResult(Snapshot(count));
    }

    public async Task WaitForSampleAsync(int count)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_samples >= count)
            {
                return;
            }

            _waiters.Add((count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after 10 s waiting for dashboard sample {count} (taken: {Samples})");
        }
    }

    public static DashboardSnapshot Snapshot(int sample) => new(
        0,
        DateTimeOffset.UnixEpoch,
        "Test",
        new SiloView("127.0.0.1:1@1", "Primary", "Active", null),
        [new SiloView("127.0.0.1:1@1", "Primary", "Active", null)],
        [new GrainTypeView("counter", sample, new Dictionary<string, int> { ["127.0.0.1:1@1"] = sample })],
        new CallView(sample, 0, 0, 0, 0, 0, null, null),
        new StreamView(0, 0, 0, []),
        [],
        [],
        []);
}
