using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Client;

/// <summary>The external client's metrics, on the runtime's meter from the host's <see cref="IMeterFactory"/>.</summary>
internal sealed class ClientInstruments
{
    public ClientInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        GatewaysConnected = meter.CreateUpDownCounter<int>("swarm.client.gateways.connected", description: "Gateways this client holds an open connection to.");
        CallsSent = meter.CreateCounter<long>("swarm.client.calls.sent", description: "Calls this client sent to a gateway.");
        CallsFailed = meter.CreateCounter<long>("swarm.client.calls.failed", description: "Calls of this client that failed, by exception type.");
    }

    public UpDownCounter<int> GatewaysConnected { get; }

    public Counter<long> CallsSent { get; }

    public Counter<long> CallsFailed { get; }
}
