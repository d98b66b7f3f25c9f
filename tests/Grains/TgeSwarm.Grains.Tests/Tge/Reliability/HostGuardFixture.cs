using TgeSwarm.Grains.Tests.Tge.Sources;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Reliability;

/// <summary>
/// One fake-clock silo whose host guards retry twice (1 s, 2 s, ... with jitter; a Retry-After up to 5 s is waited
/// for) and open the circuit at half of 6 or more attempts failing, for 30 s. Tests call the guards directly.
/// An attempt may take 5 s of fake time (a fetch 28 s, the most a grain call allows): <see cref="DriveAsync"/> moves
/// the clock while real HTTP requests are in flight, and a 2 s attempt timeout (eight 250 ms steps, 160 ms of real
/// time) fired on a busy CI machine before the local server's answer arrived.
/// </summary>
public sealed class HostGuardFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = SourceSilo.Build(Time, new Dictionary<string, string?>
        {
            ["Tge:Hosts:MaxRetries"] = "2",
            ["Tge:Hosts:RetryBaseDelay"] = "00:00:01",
            ["Tge:Hosts:RetryMaxDelay"] = "00:00:05",
            ["Tge:Hosts:BreakerMinimumThroughput"] = "6",
            ["Tge:Hosts:BreakerFailureRatio"] = "0.5",
            ["Tge:Hosts:BreakDuration"] = "00:00:30",
            ["Tge:Hosts:AttemptTimeout"] = "00:00:05",
            ["Tge:Hosts:FetchBudget"] = "00:00:28",
        });
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Awaits a fetch whose retry delays run on the fake clock, moving the clock on in small steps until it ends:
    /// each step fires whatever delay is due, so the fetch proceeds exactly as it would in real time, only faster.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> fetch, TimeSpan step)
    {
        for (var i = 0; i < 600 && !fetch.IsCompleted; i++)
        {
            await Task.WhenAny(fetch, Task.Delay(20));
            if (!fetch.IsCompleted)
            {
                Time.Advance(step);
            }
        }

        Assert.True(fetch.IsCompleted, "timed out after 600 clock steps waiting for a host guard fetch to end");
        return await fetch;
    }
}
