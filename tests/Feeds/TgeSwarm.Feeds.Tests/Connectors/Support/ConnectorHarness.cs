using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>A scripted server and a <see cref="RunningConnector"/> pointed at it (REST base included).</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly RunningConnector _running;

    private ConnectorHarness(ScriptedVenueServer server, RunningConnector running)
    {
        Server = server;
        _running = running;
    }

    public ScriptedVenueServer Server { get; }

    public VenueConnector Connector => _running.Connector;

    public RecordingConsumer Consumer => _running.Consumer;

    public Task Run => _running.Run;

    public ConnectorStatistics Statistics => Connector.Statistics;

    public static async Task<ConnectorHarness> StartAsync(Venue venue, string path, Action<VenueConnectorOptions> configure, Action<ScriptedVenueServer>? script = null)
    {
        var server = await ScriptedVenueServer.StartAsync();
        script?.Invoke(server);
        return new ConnectorHarness(server, new RunningConnector(venue, server.WebSocketUrl(path), server.HttpBase, configure));
    }

    public Task StopAsync() => _running.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _running.DisposeAsync();
        await Server.DisposeAsync();
    }
}
