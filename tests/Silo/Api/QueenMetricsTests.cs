using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>The queen's actions and the swarm's state reach <c>/metrics</c>, where monitoring can page on them.</summary>
public sealed class QueenMetricsTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_halt_is_counted_as_an_action_and_the_halted_gauge_follows_the_kill_switch()
    {
        var api = factory.Admin();
        var queen = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

        await api.HaltAsync("metrics test");
        await queen.ReconcileAsync(None);
        var halted = await MetricsAsync();
        await api.ResumePipelineAsync(PipelineNames.Market);
        await queen.ReconcileAsync(None);
        var resumed = await MetricsAsync();

        Assert.Contains("swarm_queen_actions_total{action=\"halt\",outcome=\"succeeded\"} 1", halted, StringComparison.Ordinal);
        Assert.Contains("\nswarm_queen_halted 1", halted, StringComparison.Ordinal);
        Assert.Contains("\nswarm_queen_halted 0", resumed, StringComparison.Ordinal);
        Assert.Contains("\nswarm_queen_alerting 0", resumed, StringComparison.Ordinal);
    }

    private async Task<string> MetricsAsync()
    {
        using var http = factory.CreateClient();
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }
}
