using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Networking;

/// <summary>What every connection, listener and connection manager of one silo or client shares.</summary>
internal sealed class ConnectionServices
{
    public ConnectionServices(
        IOptions<ConnectionOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        IMessageWriter writer,
        NetworkingInstruments instruments,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Options = options.Value;
        ClusterId = clusterOptions.Value.ClusterId;
        Writer = writer;
        Instruments = instruments;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
        SecretKey = string.IsNullOrEmpty(Options.ClusterSecret) ? [] : Encoding.UTF8.GetBytes(Options.ClusterSecret);
        ConnectionLogger = loggerFactory.CreateLogger<Connection>();
        HandshakeLogger = loggerFactory.CreateLogger<Handshake>();
    }

    public ConnectionOptions Options { get; }

    public string ClusterId { get; }

    public IMessageWriter Writer { get; }

    public NetworkingInstruments Instruments { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The HMAC key of the handshake: the UTF-8 cluster secret, or empty for an unauthenticated cluster.</summary>
    public byte[] SecretKey { get; }

    public bool IsAuthenticated => SecretKey.Length > 0;

    public ILogger ConnectionLogger { get; }

    public ILogger HandshakeLogger { get; }
}
