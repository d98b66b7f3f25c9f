using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// The exchange that opens every connection, before any message frame. Four frames, in the frame format used after:
/// <list type="number">
/// <item>initiator → Hello (magic, version, cluster id, role, identity, nonce);</item>
/// <item>acceptor checks version and cluster id → Hello (the same for itself, plus its proof over both nonces);</item>
/// <item>initiator checks version, cluster id, the acceptor's proof and, when it dialled a known silo, that silo's
/// address generation included → Proof (its own, over the same transcript);</item>
/// <item>acceptor checks that proof → Verdict accepted.</item>
/// </list>
/// Whichever side finds a mismatch logs it with the peer's endpoint, sends a Verdict naming the reason, and closes;
/// the other side logs the same reason, so an operator sees the refusal on both machines. The secret never crosses
/// the wire (see <see cref="HandshakeProof"/>). Timeouts are the caller's (ConnectionOptions.HandshakeTimeout).
/// </summary>
internal sealed partial class Handshake
{
    public const ushort ProtocolVersion = 1;

    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly ConnectionServices _services;
    private readonly PeerIdentity _local;
    private readonly EndPoint? _remote;
    private readonly ILogger _logger;

    public Handshake(Socket socket, PipeReader input, ConnectionServices services, PeerIdentity local)
    {
        _socket = socket;
        _input = input;
        _services = services;
        _local = local;
        _remote = socket.RemoteEndPoint;
        _logger = services.HandshakeLogger;
    }

    /// <summary>The dialling side. <paramref name="expected"/>: the silo meant (generation included), or null for a gateway.</summary>
    public async Task<PeerIdentity> InitiateAsync(SiloAddress? expected, CancellationToken cancellationToken)
    {
        var nonce = HandshakeProof.NewNonce();
        await SendAsync(HandshakeCodec.EncodeHello(NewHello(nonce, [])), cancellationToken);

        var frame = await ReadFrameAsync(cancellationToken);
        var kind = HandshakeCodec.KindOf(frame);
        if (kind == HandshakeFrame.Verdict)
        {
            throw await RefusedByPeerAsync(frame, cancellationToken);
        }

        if (kind != HandshakeFrame.Hello || !HandshakeCodec.TryDecodeHello(frame, out var hello) || hello is null)
        {
            throw await RefuseAsync(HandshakeRefusal.Malformed, "the peer's hello could not be read", cancellationToken);
        }

        var peer = await CheckHelloAsync(hello, cancellationToken);
        if (peer.Role != ConnectionRole.Silo)
        {
            throw await RefuseAsync(HandshakeRefusal.Malformed, $"the peer answered as a {peer.Role}, but only silos accept connections", cancellationToken);
        }

        var key = _services.SecretKey;
        var theirs = HandshakeProof.Compute(key, false, _services.ClusterId, _local.Role, _local.WireValue, hello.Identity, nonce, hello.Nonce);
        if (!HandshakeProof.Verify(theirs, hello.Proof))
        {
            throw await RefuseAsync(HandshakeRefusal.SecretMismatch, "the peer could not prove it knows the cluster secret (ConnectionOptions.ClusterSecret differs)", cancellationToken);
        }

        if (expected is not null && !expected.Equals(peer.Silo))
        {
            throw await RefuseAsync(HandshakeRefusal.UnexpectedSilo, $"{expected} was dialled but {peer.Silo} answered", cancellationToken);
        }

        var ours = HandshakeProof.Compute(key, true, _services.ClusterId, _local.Role, _local.WireValue, hello.Identity, nonce, hello.Nonce);
        await SendAsync(HandshakeCodec.EncodeProof(ours), cancellationToken);

        frame = await ReadFrameAsync(cancellationToken);
        if (HandshakeCodec.KindOf(frame) == HandshakeFrame.Verdict && HandshakeCodec.TryDecodeVerdict(frame, out var verdict) && verdict is { Accepted: true })
        {
            return peer;
        }

        throw HandshakeCodec.KindOf(frame) == HandshakeFrame.Verdict
            ? await RefusedByPeerAsync(frame, cancellationToken)
            : await RefuseAsync(HandshakeRefusal.Malformed, "the peer's verdict could not be read", cancellationToken);
    }

    /// <summary>The listening side: this side is a silo and proves itself first.</summary>
    public async Task<PeerIdentity> AcceptAsync(CancellationToken cancellationToken)
    {
        var frame = await ReadFrameAsync(cancellationToken);
        if (HandshakeCodec.KindOf(frame) != HandshakeFrame.Hello || !HandshakeCodec.TryDecodeHello(frame, out var hello) || hello is null)
        {
            throw await RefuseAsync(HandshakeRefusal.Malformed, "the peer's hello could not be read", cancellationToken);
        }

        var peer = await CheckHelloAsync(hello, cancellationToken);
        var key = _services.SecretKey;
        var nonce = HandshakeProof.NewNonce();
        var ours = HandshakeProof.Compute(key, false, _services.ClusterId, hello.Role, hello.Identity, _local.WireValue, hello.Nonce, nonce);
        await SendAsync(HandshakeCodec.EncodeHello(NewHello(nonce, ours)), cancellationToken);

        frame = await ReadFrameAsync(cancellationToken);
        var kind = HandshakeCodec.KindOf(frame);
        if (kind == HandshakeFrame.Verdict)
        {
            throw await RefusedByPeerAsync(frame, cancellationToken);
        }

        if (kind != HandshakeFrame.Proof || !HandshakeCodec.TryDecodeProof(frame, out var proof))
        {
            throw await RefuseAsync(HandshakeRefusal.Malformed, "the peer's proof could not be read", cancellationToken);
        }

        var theirs = HandshakeProof.Compute(key, true, _services.ClusterId, hello.Role, hello.Identity, _local.WireValue, hello.Nonce, nonce);
        if (!HandshakeProof.Verify(theirs, proof))
        {
            throw await RefuseAsync(HandshakeRefusal.SecretMismatch, "the peer could not prove it knows the cluster secret (ConnectionOptions.ClusterSecret differs)", cancellationToken);
        }

        await SendAsync(HandshakeCodec.EncodeVerdict(new HandshakeVerdict(true, default, "")), cancellationToken);
        return peer;
    }

    private HandshakeHello NewHello(byte[] nonce, byte[] proof) =>
        new(HandshakeCodec.Magic, ProtocolVersion, _local.Role, _services.ClusterId, _local.WireValue, nonce, proof);

    private async Task<PeerIdentity> CheckHelloAsync(HandshakeHello hello, CancellationToken cancellationToken)
    {
        if (hello.Magic != HandshakeCodec.Magic)
        {
            throw await RefuseAsync(HandshakeRefusal.ProtocolMismatch, "the peer does not speak the TgeSwarm protocol", cancellationToken);
        }

        if (hello.Version != ProtocolVersion)
        {
            throw await RefuseAsync(HandshakeRefusal.ProtocolMismatch, $"the peer speaks protocol version {hello.Version}, this side {ProtocolVersion}", cancellationToken);
        }

        if (!string.Equals(hello.ClusterId, _services.ClusterId, StringComparison.Ordinal))
        {
            throw await RefuseAsync(HandshakeRefusal.ClusterIdMismatch, $"the peer is in cluster '{hello.ClusterId}', this side in '{_services.ClusterId}'", cancellationToken);
        }

        switch (hello.Role)
        {
            case ConnectionRole.Silo:
                try
                {
                    return PeerIdentity.ForSilo(SiloAddress.Parse(hello.Identity));
                }
                catch (FormatException)
                {
                    throw await RefuseAsync(HandshakeRefusal.Malformed, $"the peer's silo address '{hello.Identity}' could not be read", cancellationToken);
                }

            case ConnectionRole.Client when hello.Identity.Length > 0:
                return PeerIdentity.ForClient(hello.Identity);
            default:
                throw await RefuseAsync(HandshakeRefusal.Malformed, $"the peer's role {(byte)hello.Role} or identity is not valid", cancellationToken);
        }
    }

    private async Task<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            bool complete;
            ReadOnlySequence<byte> frame;
            try
            {
                complete = FrameReader.TryRead(ref buffer, HandshakeCodec.MaxFrameSize, out frame);
            }
            catch (FrameTooLargeException)
            {
                // Typically something else (an HTTP probe, a port scanner) dialled the silo port.
                _input.AdvanceTo(buffer.Start);
                throw await RefuseAsync(HandshakeRefusal.ProtocolMismatch, "the peer's first bytes are not a TgeSwarm handshake frame", cancellationToken);
            }

            if (complete)
            {
                var bytes = frame.ToArray();
                _input.AdvanceTo(buffer.Start);
                return bytes;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new ConnectionFailedException($"{_remote} closed the connection during the handshake.");
            }
        }
    }

    private async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }
    }

    /// <summary>Logs the refusal, tells the peer why, and returns the exception the caller throws.</summary>
    private async Task<ConnectionRefusedException> RefuseAsync(HandshakeRefusal refusal, string detail, CancellationToken cancellationToken)
    {
        LogRefused(_logger, _remote, refusal, detail);
        _services.Instruments.ConnectionsRefused.Add(1);
        try
        {
            await SendAsync(HandshakeCodec.EncodeVerdict(new HandshakeVerdict(false, refusal, detail)), cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone or the handshake timed out: it cannot hear why, and the refusal is already logged here.
        }

        return new ConnectionRefusedException(refusal, $"Refused the connection with {_remote}: {refusal}: {detail}.");
    }

    private async Task<ConnectionRefusedException> RefusedByPeerAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (!HandshakeCodec.TryDecodeVerdict(frame, out var verdict) || verdict is null || verdict.Accepted)
        {
            return await RefuseAsync(HandshakeRefusal.Malformed, "the peer sent a verdict out of turn", cancellationToken);
        }

        LogRefusedByPeer(_logger, _remote, verdict.Refusal, verdict.Detail);
        _services.Instruments.ConnectionsRefused.Add(1);
        return new ConnectionRefusedException(
            verdict.Refusal, $"{_remote} refused the connection: {verdict.Refusal} (its reason: {verdict.Detail}).");
    }

    [LoggerMessage(NetworkingEventIds.HandshakeRefused, LogLevel.Warning, "Refused the connection with {RemoteEndPoint}: {Refusal}: {Detail}")]
    private static partial void LogRefused(ILogger logger, EndPoint? remoteEndPoint, HandshakeRefusal refusal, string detail);

    [LoggerMessage(NetworkingEventIds.HandshakeRefusedByPeer, LogLevel.Warning, "{RemoteEndPoint} refused the connection: {Refusal} (its reason: {Detail})")]
    private static partial void LogRefusedByPeer(ILogger logger, EndPoint? remoteEndPoint, HandshakeRefusal refusal, string detail);
}
