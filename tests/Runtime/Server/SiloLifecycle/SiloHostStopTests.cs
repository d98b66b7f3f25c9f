using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.SiloLifecycle;

public sealed class SiloHostStopTests
{
    [Fact]
    public async Task Two_concurrent_stops_run_one_ordered_stop_and_both_wait_for_it()
    {
        var steps = new ConcurrentQueue<string>();
        var slow = new Participant("slow", SiloLifecycleStage.ApplicationServices, steps);
        var below = new Participant("below", SiloLifecycleStage.ApplicationServices - 1, steps);
        below.Release.SetResult();
        var builder = Host.CreateApplicationBuilder();
        builder.UseSwarmSilo(silo => silo.UseLocalhostClustering(siloPort: 0).AddMemoryGrainStorage("store"));
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(slow);
        builder.Services.AddSingleton<ISiloLifecycleParticipant>(below);
        using var host = builder.Build();
        await host.StartAsync().Within("the silo start");
        var siloHost = host.Services.GetServices<IHostedService>().OfType<SiloHost>().Single();

        // The generic host's own stop and a WebApplicationFactory's dispose race exactly like this.
        var first = siloHost.StopAsync(CancellationToken.None);
        await slow.Stopping.Task.Within("the first stop reaching the slow participant");
        var second = siloHost.StopAsync(CancellationToken.None);
        Assert.False(second.IsCompleted, "the second stop returned before the first one finished");
        slow.Release.SetResult();
        await Task.WhenAll(first, second).Within("both stops");

        // A second stop of its own would have stopped 'below' while 'slow' was still stopping.
        Assert.Equal(["slow stopping", "slow stopped", "below stopping", "below stopped"], steps);
        Assert.Equal(SiloStatus.Dead, host.Services.GetRequiredService<ILocalSiloDetails>().Status);
    }

    private sealed class Participant(string name, int stage, ConcurrentQueue<string> steps) : ISiloLifecycleParticipant
    {
        public int Stage => stage;

        public TaskCompletionSource Stopping { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task OnStopAsync(CancellationToken cancellationToken)
        {
            steps.Enqueue($"{name} stopping");
            Stopping.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            steps.Enqueue($"{name} stopped");
        }
    }
}
