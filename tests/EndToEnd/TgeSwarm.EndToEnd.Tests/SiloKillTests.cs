using System.Diagnostics;
using System.Globalization;
using TgeSwarm.EndToEnd.Tests.Cluster;
using TgeSwarm.EndToEnd.Tests.Probe;
using Xunit.Abstractions;

namespace TgeSwarm.EndToEnd.Tests;

/// <summary>
/// deploy/local-cluster.sh as operators run it (PostgreSQL, three silo processes, HAProxy), driven through HAProxy
/// while one silo is SIGKILLed. What must hold: after a short bounded window of 502/503/504 or broken connections,
/// every request succeeds again; and no increment a caller saw acknowledged is lost, on any key, across the kill.
/// </summary>
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const int Keys = 12;
    private const int RoundsBeforeKill = 10;
    private const int CleanRoundsToCountAsRecovered = 3;
    private const int RoundsAfterRecovery = 20;

    // Fast membership settings (the script's default) declare a killed silo dead in about 2 s; the bound leaves room
    // for a slow machine, and is a failure detector, not a pace.
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ScenarioBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PauseAfterFailedRound = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Requests_keep_succeeding_and_no_acknowledged_increment_is_lost_when_a_silo_is_killed()
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
        using var probe = new ProbeClient(cluster.State.Url);
        var ledger = new ProbeLedger(Enumerable.Range(0, Keys).Select(i => string.Create(CultureInfo.InvariantCulture, $"e2e-{i:00}")));

        for (var round = 1; round <= RoundsBeforeKill; round++)
        {
            var replies = await RoundAsync(probe, ledger, $"before the kill, round {round}", bound.Token);
            RequireAllAcknowledged(replies, $"before the kill, round {round} (a stable cluster must answer every request)");
        }

        var victim = cluster.State.Silos.MaxBy(silo => ledger.CountServedBy(silo.Serves))!;
        output.WriteLine($"killing {victim.Name} (pid {victim.Pid}), which served {ledger.CountServedBy(victim.Serves)} increments");
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

            var replies = await RoundAsync(probe, ledger, "right after the kill", bound.Token);
            var failures = replies.Where(reply => reply.Outcome != ProbeOutcome.Acknowledged).ToList();
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

        output.WriteLine($"every request succeeded again {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill; {unavailable} were unavailable meanwhile");

        for (var round = 1; round <= RoundsAfterRecovery; round++)
        {
            var replies = await RoundAsync(probe, ledger, $"after recovery, round {round}", bound.Token);
            RequireAllAcknowledged(replies, $"after recovery, round {round} (once recovered, every request must succeed)");
        }

        foreach (var key in ledger.Keys)
        {
            var stored = await probe.GetAsync(key, bound.Token);
            Assert.True(stored.Outcome == ProbeOutcome.Acknowledged, $"reading {key} at the end: {stored}");
            Assert.True(
                stored.Value >= ledger.LastValue(key) && ledger.LastValue(key) >= ledger.Count(key),
                $"{key} holds {stored.Value}, but {ledger.Count(key)} increments were acknowledged, the last one as {ledger.LastValue(key)}: " +
                $"an acknowledged increment was lost. History: {ledger.Describe(key)}");
        }
    }

    /// <summary>One increment per key, all keys at once; each key's requests stay sequential across rounds.</summary>
    private static async Task<ProbeReply[]> RoundAsync(ProbeClient probe, ProbeLedger ledger, string phase, CancellationToken cancellationToken)
    {
        var replies = await Task.WhenAll(ledger.Keys.Select(key => probe.IncrementAsync(key, cancellationToken)));
        foreach (var reply in replies)
        {
            switch (reply.Outcome)
            {
                case ProbeOutcome.Acknowledged:
                    ledger.Record(reply, phase);
                    break;
                case ProbeOutcome.Unexpected:
                    throw new InvalidOperationException($"{phase}: an answer no failover explains: {reply}");
                case ProbeOutcome.Unavailable:
                    break;
                default:
                    throw new UnreachableException(reply.Outcome.ToString());
            }
        }

        return replies;
    }

    private static void RequireAllAcknowledged(ProbeReply[] replies, string phase)
    {
        var failures = replies.Where(reply => reply.Outcome != ProbeOutcome.Acknowledged).ToList();
        Assert.True(failures.Count == 0, $"{phase}: {failures.Count} of {replies.Length} requests failed: {string.Join("; ", failures)}");
    }
}
