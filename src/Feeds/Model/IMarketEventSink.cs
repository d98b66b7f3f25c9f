namespace TgeSwarm.Feeds;

/// <summary>Receives what a venue feed produces, synchronously, on the thread that fed the frame.</summary>
public interface IMarketEventSink
{
    void OnTrade(Trade trade);

    void OnBook(BookUpdate book);

    /// <summary>
    /// The book of <paramref name="instrument"/> can no longer be trusted (sequence gap, checksum mismatch):
    /// the connector must resubscribe (or, on Binance, fetch a new REST snapshot). Deltas are dropped until then.
    /// </summary>
    void OnResyncRequired(string instrument, string reason);
}
