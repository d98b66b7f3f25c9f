using System.Diagnostics;
using System.Globalization;
using TgeSwarm.EndToEnd.Tests.Cluster;
using TgeSwarm.EndToEnd.Tests.Memory;
using Xunit.Abstractions;

namespace TgeSwarm.EndToEnd.Tests;

/// <summary>
/// deploy/local-cluster.sh as operators run it (PostgreSQL, three silo processes, HAProxy), driven through HAProxy's
/// REST API with the cluster's admin key while one silo is SIGKILLed: the memory coordinator's namespaces, each written
/// on the version last acknowledged. The silo killed is the one holding the most namespaces. What must hold: after a
/// short bounded window of 502/503/504 or broken connections, every request succeeds again; and no write a caller saw
/// acknowledged is lost, in any namespace, across the kill.
/// </summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Namespaces = 12;
    private const string MemoryGrainType = "memory";
    private const int RoundsBeforeKill = 10;
    private const int CleanRoundsToCountAsRecovered = 3;
    private const int RoundsAfterRecovery = 20;

    // Fast membership settings (the script's default) declare a killed silo dead in about 2 s; the bound leaves room
    // for a slow machine, and is a failure detector, not a pace.
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ScenarioBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PauseAfterFailedRound = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Requests_keep_succeeding_and_no_acknowledged_memory_write_is_lost_when_a_silo_is_killed()
    {
        var cluster = await LocalCluster.StartAsync(Silos);
        output.WriteLine(cluster.StartOutput);
        string? stopFailure;
        try
        {
            await RunScenarioAsync(cluster);
        }
        catch (Exception)
        {
            output.WriteLine(cluster.LogTails());
            throw;
        }
        finally
        {
            // Reported, not thrown, here: a failing stop must not hide why the scenario failed.
            stopFailure = await cluster.StopAsync();
            if (stopFailure is not null)
            {
                output.WriteLine(stopFailure);
            }
        }

        Assert.Null(stopFailure);
    }

    private async Task RunScenarioAsync(LocalCluster cluster)
    {
        using var bound = new CancellationTokenSource(ScenarioBound);
        using var memory = new MemoryApiClient(cluster.State.Url, cluster.State.ApiKey);
        var ledger = new MemoryLedger(Enumerable.Range(0, Namespaces).Select(i => string.Create(CultureInfo.InvariantCulture, $"e2e-{i:00}")));

        for (var round = 1; round <= RoundsBeforeKill; round++)
        {
            var replies = await RoundAsync(memory, ledger, $"before the kill, round {round}", bound.Token);
            RequireAllAcknowledged(replies, $"before the kill, round {round} (a stable cluster must answer every request)");
        }

        var activations = await memory.GetActivationsAsync(MemoryGrainType, bound.Token);
        var victim = cluster.State.Silos.MaxBy(silo => Hosted(activations, silo))!;
        Assert.True(
            Hosted(activations, victim) > 0,
            $"no silo reports a {MemoryGrainType} activation after {RoundsBeforeKill} rounds: {string.Join(", ", activations)}");
        output.WriteLine($"killing {victim.Name} (pid {victim.Pid}), which holds {Hosted(activations, victim)} of {Namespaces} namespaces");
        LocalCluster.Kill(victim);

        var sinceKill = Stopwatch.StartNew();
        var cleanRounds = 0;
        var unavailable = 0;
        var lastFailures = string.Empty;
        while (cleanRounds < CleanRoundsToCountAsRecovered)
        {
            if (sinceKill.Elapsed > RecoveryBound)
            {
                throw new TimeoutException(
                    $"requests still failed {RecoveryBound.TotalSeconds:0} s after {victim.Name} was killed " +
                    $"({unavailable} unavailable so far); the last failing round: {lastFailures}");
            }

            var replies = await RoundAsync(memory, ledger, "right after the kill", bound.Token);
            var failures = replies.Where(reply => reply.Outcome != WriteOutcome.Acknowledged).ToList();
            if (failures.Count == 0)
            {
                cleanRounds++;
                continue;
            }

            cleanRounds = 0;
            unavailable += failures.Count;
            lastFailures = string.Join("; ", failures);
            await Task.Delay(PauseAfterFailedRound, bound.Token);
        }

        output.WriteLine(
            $"every request succeeded again {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill; {unavailable} were unavailable or refused meanwhile, " +
            $"{ledger.Resyncs} refusals explained by an unacknowledged write that had landed");

        for (var round = 1; round <= RoundsAfterRecovery; round++)
        {
            var replies = await RoundAsync(memory, ledger, $"after recovery, round {round}", bound.Token);
            RequireAllAcknowledged(replies, $"after recovery, round {round} (once recovered, every request must succeed)");
        }

        foreach (var ns in ledger.Namespaces)
        {
            var stored = await memory.GetAsync(ns, bound.Token);
            Assert.True(stored.Outcome == WriteOutcome.Acknowledged, $"reading {ns} at the end: {stored}");
            Assert.True(
                stored.Version == ledger.LastVersion(ns) && stored.Value == ledger.LastValue(ns),
                $"{ns} holds {stored.Value}@v{stored.Version}, but the last of its {ledger.Count(ns)} acknowledged writes was " +
                $"{ledger.LastValue(ns)}@v{ledger.LastVersion(ns)}: an acknowledged write was lost. History: {ledger.Describe(ns)}");
        }
    }

    private static int Hosted(IReadOnlyDictionary<string, int> activations, SiloProcess silo) =>
        activations.Where(a => silo.Serves(a.Key)).Sum(a => a.Value);

    /// <summary>One write per namespace, all namespaces at once; each namespace's requests stay sequential across rounds.</summary>
    private static async Task<MemoryReply[]> RoundAsync(MemoryApiClient memory, MemoryLedger ledger, string phase, CancellationToken cancellationToken) =>
        await Task.WhenAll(ledger.Namespaces.Select(ns => StepAsync(memory, ledger, ns, phase, cancellationToken)));

    private static async Task<MemoryReply> StepAsync(MemoryApiClient memory, MemoryLedger ledger, string ns, string phase, CancellationToken cancellationToken)
    {
        var (value, expectedVersion) = ledger.NextWrite(ns);
        var reply = await memory.SetAsync(ns, value, expectedVersion, cancellationToken);
        switch (reply.Outcome)
        {
            case WriteOutcome.Acknowledged:
                ledger.Acknowledge(reply, phase);
                return reply;
            case WriteOutcome.Unavailable:
                ledger.Unacknowledged(ns, value);
                return reply;
            case WriteOutcome.Conflict:
                // The entry moved on from the last acknowledged version: only an unacknowledged write that landed may
                // explain it. Read what it holds; if the read fails too, the next round's write is refused again and reads again.
                var read = await memory.GetAsync(ns, cancellationToken);
                switch (read.Outcome)
                {
                    case WriteOutcome.Acknowledged:
                        ledger.Resync(read, phase);
                        return reply;
                    case WriteOutcome.Unavailable:
                        return read;
                    default:
                        throw new InvalidOperationException($"{phase}: reading {ns} after a refused write: an answer no failover explains: {read}");
                }

            case WriteOutcome.Unexpected:
                throw new InvalidOperationException($"{phase}: an answer no failover explains: {reply}");
            default:
                throw new UnreachableException(reply.Outcome.ToString());
        }
    }

    private static void RequireAllAcknowledged(MemoryReply[] replies, string phase)
    {
        var failures = replies.Where(reply => reply.Outcome != WriteOutcome.Acknowledged).ToList();
        Assert.True(failures.Count == 0, $"{phase}: {failures.Count} of {replies.Length} requests failed: {string.Join("; ", failures)}");
    }
}
