using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// The transport's metrics, on a <see cref="Meter"/> from the host's <see cref="IMeterFactory"/> so several silos in
/// one process keep separate instruments. Frames sent ÷ flushes is the batching factor.
/// </summary>
internal sealed class NetworkingInstruments
{
    public NetworkingInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        ConnectionsOpened = meter.CreateCounter<long>("swarm.network.connections.opened", description: "Connections that completed the handshake.");
        ConnectionsClosed = meter.CreateCounter<long>("swarm.network.connections.closed", description: "Connections closed, after a completed handshake.");
        ConnectionsRefused = meter.CreateCounter<long>("swarm.network.connections.refused", description: "Handshakes refused (version, cluster id, secret, identity) by either side.");
        FramesSent = meter.CreateCounter<long>("swarm.network.frames.sent", description: "Frames written to sockets.");
        FramesReceived = meter.CreateCounter<long>("swarm.network.frames.received", description: "Frames read from sockets.");
        BytesSent = meter.CreateCounter<long>("swarm.network.bytes.sent", unit: "By", description: "Bytes written to sockets, length prefixes included.");
        BytesReceived = meter.CreateCounter<long>("swarm.network.bytes.received", unit: "By", description: "Bytes of complete frames read, length prefixes included.");
        Flushes = meter.CreateCounter<long>("swarm.network.flushes", description: "Socket writes; each carries one batch of frames.");
        FramesPerFlush = meter.CreateHistogram<int>("swarm.network.frames_per_flush", description: "Frames batched into one socket write.");
        MessagesUndelivered = meter.CreateCounter<long>("swarm.network.messages.undelivered", description: "Accepted messages handed back unsent (oversized, writer failure, connection closed).");
    }

    public Counter<long> ConnectionsOpened { get; }

    public Counter<long> ConnectionsClosed { get; }

    public Counter<long> ConnectionsRefused { get; }

    public Counter<long> FramesSent { get; }

    public Counter<long> FramesReceived { get; }

    public Counter<long> BytesSent { get; }

    public Counter<long> BytesReceived { get; }

    public Counter<long> Flushes { get; }

    public Histogram<int> FramesPerFlush { get; }

    public Counter<long> MessagesUndelivered { get; }
}
