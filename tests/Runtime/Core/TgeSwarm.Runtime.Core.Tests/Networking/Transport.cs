using System.Net;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

/// <summary>Builds one side of a loopback transport: its services, and a started listener on 127.0.0.1, port 0.</summary>
internal sealed class Transport
{
    public Transport(string clusterId = "test", string? secret = "s3cret", Action<ConnectionOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new ConnectionOptions { ClusterSecret = secret };
        configure?.Invoke(options);
        Services = new ConnectionServices(
            Options.Create(options),
            Options.Create(new ClusterOptions { ClusterId = clusterId }),
            Writer,
            new NetworkingInstruments(new TestMeterFactory()),
            time ?? TimeProvider.System,
            Logs);
    }

    public TestMessageWriter Writer { get; } = new();

    public RecordingHandler Handler { get; } = new();

    public RecordingLoggerFactory Logs { get; } = new();

    public ConnectionServices Services { get; }

    public ConnectionListener Listen(out SiloAddress silo, int generation = 1000)
    {
        var listener = new ConnectionListener(Services, Handler);
        var endpoint = listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silo = new SiloAddress(endpoint, generation);
        listener.Start(silo);
        return listener;
    }

    public ConnectionManager SiloManager(int port = 1, int generation = 2000) =>
        new(Services, PeerIdentity.ForSilo(new SiloAddress(new IPEndPoint(IPAddress.Loopback, port), generation)), Handler);

    public ConnectionManager ClientManager(string clientId) => new(Services, PeerIdentity.ForClient(clientId), Handler);
}
