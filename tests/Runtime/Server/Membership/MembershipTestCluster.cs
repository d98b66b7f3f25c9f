using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Several silos' membership agents over one shared table, one fake clock and one probe network: the membership
/// protocol without transport. Silos get ports 11001, 11002, … on 127.0.0.1.
/// </summary>
internal sealed class MembershipTestCluster : IAsyncDisposable
{
    private readonly List<MembershipTestSilo> _silos = [];

    public MembershipTestCluster(IMembershipTable? table = null, Action<ClusterMembershipOptions>? configure = null)
    {
        Table = table ?? new FaultableMembershipTable();
        configure?.Invoke(Options);
    }

    public IMembershipTable Table { get; }

    public FaultableMembershipTable Faultable => (FaultableMembershipTable)Table;

    public FakeTimeProvider Time { get; } = new();

    public ProbeNetwork Network { get; } = new();

    public ClusterMembershipOptions Options { get; } = new();

    public IMembershipTableChangeFeed? ChangeFeed { get; init; }

    public MembershipTestSilo CreateSilo(int port)
    {
        var silo = new MembershipTestSilo(port, Table, Network, Time, Options, ChangeFeed);
        _silos.Add(silo);
        return silo;
    }

    public async Task<MembershipTestSilo> StartSiloAsync(int port)
    {
        var silo = CreateSilo(port);
        await silo.StartAsync();
        return silo;
    }

    /// <summary>Starts silos on ports 11001…11000+count, one after another.</summary>
    public async Task<MembershipTestSilo[]> StartSilosAsync(int count)
    {
        var silos = new MembershipTestSilo[count];
        for (var i = 0; i < count; i++)
        {
            silos[i] = await StartSiloAsync(11001 + i);
        }

        return silos;
    }

    public Task<MembershipTableData> ReadTableAsync() => Table.ReadAllAsync(CancellationToken.None);

    /// <summary>
    /// Moves the fake clock in <paramref name="step"/>s until <paramref name="condition"/> holds, giving the agents'
    /// background work a moment to run after each step; fails naming <paramref name="phase"/> after <paramref name="maxSteps"/>.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step, string phase, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await condition())
            {
                return;
            }

            Time.Advance(step);
            await Settle();
        }

        if (!await condition())
        {
            throw new TimeoutException($"Gave up after {maxSteps} steps of {step} waiting for: {phase}");
        }
    }

    public Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, string phase, int maxSteps = 400) =>
        AdvanceUntilAsync(() => Task.FromResult(condition()), step, phase, maxSteps);

    /// <summary>Polls <paramref name="condition"/> without moving the clock, for work already due (bounded).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string phase)
    {
        for (var i = 0; i < 2000; i++)
        {
            if (condition())
            {
                return;
            }

            await Settle();
        }

        throw new TimeoutException($"Gave up waiting for: {phase}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }

    // Continuations of fired fake timers run on the thread pool; a short real pause lets them catch up between steps.
    private static Task Settle() => Task.Delay(2);
}
