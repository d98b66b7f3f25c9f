namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Stands between a connection's feed and the owner's consumer. Events pass straight through; resync requests are
/// also noted, because the feed raises them synchronously inside a frame and the resync itself (a send or a REST
/// fetch) is asynchronous: the loop acts on them once the frame is handled. A snapshot clears an instrument's
/// record of consecutive resyncs, which paces repeated snapshot fetches.
/// </summary>
internal sealed class ConnectorSink(IFeedConsumer consumer, ConnectorStatistics statistics) : IMarketEventSink
{
    private readonly List<(string Instrument, string Reason)> _pending = [];
    private readonly Dictionary<string, int> _unresolved = new(StringComparer.Ordinal);

    /// <summary>Instruments whose resync was asked for and not yet acted on; the loop drains it.</summary>
    public List<(string Instrument, string Reason)> PendingResyncs => _pending;

    public void OnTrade(Trade trade) => consumer.OnTrade(trade);

    public void OnBook(BookUpdate book)
    {
        if (book.IsSnapshot && _unresolved.Count > 0)
        {
            _unresolved.Remove(book.Instrument);
        }

        consumer.OnBook(book);
    }

    public void OnResyncRequired(string instrument, string reason)
    {
        statistics.ResyncRequested();
        foreach (var (pending, _) in _pending)
        {
            if (pending == instrument)
            {
                consumer.OnResyncRequired(instrument, reason);
                return;
            }
        }

        _pending.Add((instrument, reason));

        consumer.OnResyncRequired(instrument, reason);
    }

    /// <summary>Counts a resync of <paramref name="instrument"/> and returns how many came before it without a snapshot between.</summary>
    public int NextAttempt(string instrument)
    {
        var attempt = _unresolved.GetValueOrDefault(instrument);
        _unresolved[instrument] = attempt + 1;
        return attempt;
    }
}
