using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>A source down for a long while writes one line per change of state, not one per failed poll.</summary>
public sealed class SourceLoggingTests
{
    [Fact]
    public async Task A_host_down_for_many_polls_logs_each_change_of_state_once()
    {
        var logs = new LogRecorder(SourceSilo.LogCategories);
        var time = new FakeTimeProvider();
        await using var cluster = SourceSilo.Build(time, new Dictionary<string, string?>(), logs: logs);
        await cluster.DeployAsync();
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.ServerError));
        var source = cluster.GrainFactory.GetGrain<ISourceGrain>("logged-down");
        await source.StartAsync(LocalSources.Settings(server, "news-rss", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, time, 1);

        for (var i = 0; i < 20; i++)
        {
            await source.PollNowAsync(CancellationToken.None);
        }

        server.ClearFaults("news-rss");
        time.Advance(TimeSpan.FromSeconds(30));
        await SourceSilo.QuiescentAsync(source, time, 22);
        await source.PollNowAsync(CancellationToken.None);

        // Source: failing (500), failing (now refused by the open circuit), recovered. Guard: opened, half-open, closed.
        Assert.Equal([5654, 5654, 5655], logs.Ids(5654, 5655));
        Assert.Equal([5670, 5671, 5672], logs.Ids(5670, 5672));
        var failing = logs.Events.Where(e => e.Id == 5654).Select(e => e.Message).ToList();
        Assert.StartsWith("Source logged-down failing: ServerError (500 Internal Server Error)", failing[0], StringComparison.Ordinal);
        Assert.StartsWith("Source logged-down failing: CircuitOpen (the host's circuit is open)", failing[1], StringComparison.Ordinal);
        Assert.StartsWith("Source logged-down recovered after 21 failed polls over 00:00:30", logs.Events.Single(e => e.Id == 5655).Message, StringComparison.Ordinal);
    }
}
