using System.Net;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>Pipelines and the halt switch, on a silo of their own: a halt would stop every other test's agents.</summary>
public sealed class SwarmEndpointTests : IDisposable
{
    private readonly ApiSiloFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_operator_pauses_and_resumes_a_pipeline()
    {
        var api = _factory.Client((await _factory.Admin().CreateKeyAsync("carol", "operator")).Key);

        var paused = await api.PausePipelineAsync(PipelineNames.Market, "maintenance");
        var listed = await api.ListPipelinesAsync();
        var resumed = await api.ResumePipelineAsync(PipelineNames.Market);

        Assert.True(paused.Paused);
        Assert.Equal("maintenance", paused.Reason);
        Assert.True(Assert.Single(listed, p => p.Name == PipelineNames.Market).Paused);
        Assert.False(resumed.Paused);
    }

    [Fact]
    public async Task The_halt_needs_a_reason_stops_the_swarm_and_a_resume_lifts_it()
    {
        var api = _factory.Admin();

        var noReason = await Assert.ThrowsAsync<SwarmApiException>(() => api.HaltAsync(""));
        var halted = await api.HaltAsync("exchange incident");
        var health = await api.GetSwarmHealthAsync();
        await api.ResumePipelineAsync(PipelineNames.Market);
        await api.ResumePipelineAsync(PipelineNames.Tge);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], noReason.Problem.Errors!.Keys);
        Assert.Equal(SwarmStatus.Halted, halted.Status);
        Assert.Equal("exchange incident", health.Halt?.Reason);
        Assert.NotEqual(SwarmStatus.Halted, (await api.GetSwarmHealthAsync()).Status);
    }

    [Fact]
    public async Task An_unknown_pipeline_is_a_400_naming_it()
    {
        var error = await Assert.ThrowsAsync<SwarmApiException>(() => _factory.Admin().PausePipelineAsync("weather"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("'weather' is not known", Assert.Single(error.Problem.Errors!["pipeline"]), StringComparison.Ordinal);
    }
}
