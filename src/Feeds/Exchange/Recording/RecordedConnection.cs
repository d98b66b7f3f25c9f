namespace TgeSwarm.Feeds.Exchange.Recording;

/// <summary>
/// One recorded WebSocket connection: where it connected, what the client sent (its subscriptions) and the
/// frames it received in time order.
/// </summary>
internal sealed class RecordedConnection(string id, Uri address, long connectMicros)
{
    public string Id { get; } = id;

    public Uri Address { get; } = address;

    /// <summary>The address's path, <c>/</c> when it has none (Kraken's and Coinbase's).</summary>
    public string Path { get; } = string.IsNullOrEmpty(address.AbsolutePath) ? "/" : address.AbsolutePath;

    /// <summary>The address's query without its <c>?</c> (Binance's stream list), or empty.</summary>
    public string Query { get; } = address.Query.TrimStart('?');

    public long ConnectMicros { get; } = connectMicros;

    public List<byte[]> Sends { get; } = [];

    public List<RecordedFrame> Frames { get; } = [];
}
