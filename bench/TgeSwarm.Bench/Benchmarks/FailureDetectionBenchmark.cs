using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Issue 3's failure-detection figure: a three-silo cluster, one silo killed (connections dropped, no membership
/// write, no hand-over: what the others see of a SIGKILL), then the time until the survivors declare it dead and
/// until a grain that lived on it answers from a survivor — with Orleans' default membership settings and with the
/// fast test settings. Beside each, the bound the settings imply (ProbeTimeout × NumMissedProbesLimit).
/// </summary>
internal static class FailureDetectionBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static async Task RunAsync(BenchOptions options)
    {
        await MeasureAsync("fast", fast: true);
        if (!options.Quick)
        {
            await MeasureAsync("default", fast: false);
        }
        else
        {
            Report.Note("failure_detection: default settings skipped in a quick run (they take about 20 s)");
        }
    }

    private static async Task MeasureAsync(string name, bool fast)
    {
        var builder = new TestClusterBuilder(3);
        builder.Options.UseTestMembershipDefaults = fast;
        builder.ConfigureSilo(static silo => silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var survivor = cluster.Silos[0];
            var victim = cluster.Silos[2];
            var settings = survivor.ServiceProvider.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
            var directory = survivor.ServiceProvider.GetRequiredService<GrainDirectory>();
            var key = Enumerable.Range(0, 100_000).First(k => victim.SiloAddress.Equals(directory.OwnerOf(GrainId.Create("call", k))));
            var grain = survivor.ServiceProvider.GetRequiredService<IClusterClient>().GetGrain<ICallGrain>(key);
            await grain.AddAsync(0);

            var started = Stopwatch.GetTimestamp();
            await cluster.KillSiloAsync(victim);
            var membership = survivor.ServiceProvider.GetRequiredService<IClusterMembershipService>();
            while (membership.CurrentSnapshot.GetStatus(victim.SiloAddress) != SiloStatus.Dead)
            {
                Bound(started);
                await Task.Delay(10);
            }

            var dead = Stopwatch.GetElapsedTime(started);
            while (true)
            {
                Bound(started);
                try
                {
                    await grain.AddAsync(1);
                    break;
                }
                catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
                {
                    await Task.Delay(10);
                }
            }

            var answered = Stopwatch.GetElapsedTime(started);
            var bound = settings.ProbeTimeout * settings.NumMissedProbesLimit;
            Report.Figure($"failure_detection.{name}.declared_dead_s", dead.TotalSeconds, "s");
            Report.Figure($"failure_detection.{name}.first_call_on_survivor_s", answered.TotalSeconds, "s");
            Report.Figure($"failure_detection.{name}.baseline_probe_bound_s", bound.TotalSeconds, "s");
            Report.Ratio($"failure_detection.{name}.ratio_to_baseline", dead.TotalSeconds, bound.TotalSeconds);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static void Bound(long started)
    {
        if (Stopwatch.GetElapsedTime(started) > Limit)
        {
            throw new TimeoutException($"The killed silo was not declared dead, or its grain did not come back, within {Limit}.");
        }
    }
}
