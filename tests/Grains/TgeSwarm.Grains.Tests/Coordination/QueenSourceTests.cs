using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>TGE sources driven by the queen, against the local source server on 127.0.0.1.</summary>
public sealed class QueenSourceTests(QueenFixture fixture) : IClassFixture<QueenFixture>
{
    private const string Source = "source";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private IQueenGrain Queen => fixture.Queen;

    [Fact]
    public async Task A_spawned_source_polls_pauses_with_the_tge_pipeline_and_resumes_with_it()
    {
        await using var server = await LocalSourceServer.StartAsync(new LocalSourceServerOptions { Sources = LocalSourceServer.DefaultSources() });
        var url = server.Sources.Single(static s => s.SourceId == "news-rss").Url.AbsoluteUri;

        // emitExisting false: the source only remembers the page's items, so nothing flows into stages these tests do not run.
        var spawned = await Queen.SpawnAsync(
            Source, "queen-news", $$"""{"url":"{{url}}","kind":"rss","minInterval":"00:10:00","maxInterval":"01:00:00","emitExisting":false}""", Operator, None);

        Assert.Equal((PipelineNames.Tge, (string?)null), (spawned.Pipeline, spawned.Group));
        var running = await fixture.ReconcileUntilAsync(Source, "queen-news", static a => a.ActualState == AgentState.Running);
        Assert.Equal("polling", running.Detail);
        var grain = fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>("queen-news");
        Assert.Equal(TgeSourceRunState.Running, (await grain.GetStatusAsync(None)).State);

        await Queen.PauseAsync(PipelineNames.Tge, Operator, None);

        Assert.Equal(TgeSourceRunState.Unconfigured, (await grain.GetStatusAsync(None)).State);
        await Queen.ReconcileAsync(None);
        Assert.Equal(AgentState.Paused, (await Queen.GetAgentAsync(Source, "queen-news", None)).ActualState);

        await Queen.ResumeAsync(PipelineNames.Tge, Operator, None);

        Assert.Equal(TgeSourceRunState.Running, (await grain.GetStatusAsync(None)).State);
        await fixture.ReconcileUntilAsync(Source, "queen-news", static a => a.ActualState == AgentState.Running);
        await Queen.StopAsync(Source, "queen-news", Operator, None);
        Assert.Equal(TgeSourceRunState.Unconfigured, (await grain.GetStatusAsync(None)).State);
    }

    [Theory]
    [InlineData("bad id!", """{"url":"http://127.0.0.1:1/","kind":"rss","minInterval":"00:01:00","maxInterval":"00:10:00"}""", "key")]
    [InlineData("queen-bad", """{"url":"ftp://127.0.0.1:1/","kind":"rss","minInterval":"00:01:00","maxInterval":"00:10:00"}""", "configuration")]
    [InlineData("queen-bad", """{"url":"http://127.0.0.1:1/","kind":"gopher","minInterval":"00:01:00","maxInterval":"00:10:00"}""", "configuration")]
    public async Task Bad_sources_name_the_field(string key, string configuration, string field)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.SpawnAsync(Source, key, configuration, Operator, None));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public async Task Sources_cannot_be_scaled()
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.ScaleAsync(Source, "news", 2, null, Operator, None));

        Assert.Equal("type", error.ParamName);
        Assert.Contains(await Queen.GetAgentTypesAsync(None), static t => t is { Type: "source", Pipeline: "tge", Sharded: false });
    }
}
