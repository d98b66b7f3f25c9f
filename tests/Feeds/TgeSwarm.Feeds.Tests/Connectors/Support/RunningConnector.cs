using Microsoft.Extensions.Logging.Abstractions;
using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// A connector with a <see cref="RecordingConsumer"/> and its loop running, with settings that keep tests quick:
/// reconnects after 10–40 ms, no pings and a 10 s silence timeout unless a test asks otherwise, a seeded jitter.
/// </summary>
internal sealed class RunningConnector : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new();

    public RunningConnector(Venue venue, Uri webSocketUrl, Uri? restUrl, Action<VenueConnectorOptions> configure)
    {
        var options = new VenueConnectorOptions
        {
            Venue = venue,
            WebSocketUrl = webSocketUrl,
            RestUrl = restUrl,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(10),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(40),
            PingInterval = TimeSpan.Zero,
            SilenceTimeout = TimeSpan.FromSeconds(10),
        };
        configure(options);
        Connector = new VenueConnector(options, Consumer, _http, TimeProvider.System, NullLogger<VenueConnector>.Instance, new Random(7));
        Run = Task.Run(() => Connector.RunAsync(_stopping.Token));
    }

    public VenueConnector Connector { get; }

    public RecordingConsumer Consumer { get; } = new();

    public Task Run { get; }

    /// <summary>Cancels the loop and waits for <see cref="VenueConnector.RunAsync"/> to return.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Run.WaitAsync(Bounds.Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} waiting for the {Connector.Venue} connector to stop after cancellation");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        await Run;
        _http.Dispose();
        _stopping.Dispose();
    }
}
