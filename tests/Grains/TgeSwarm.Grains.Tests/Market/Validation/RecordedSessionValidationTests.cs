using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;
using TgeSwarm.Grains.Market.Transform;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>
/// Real sessions are good data: validated with the time checks off (the recordings are from 2021 to 2026), nothing is
/// rejected, nothing is a duplicate, and every event reaches a batch. A false positive of the anomaly check on real
/// trades would show here.
/// </summary>
public sealed class RecordedSessionValidationTests
{
    [Theory]
    [InlineData(Venue.Binance)]
    [InlineData(Venue.Bybit)]
    [InlineData(Venue.Coinbase)]
    [InlineData(Venue.KrakenV1)]
    [InlineData(Venue.Okx)]
    public void A_recorded_session_passes_validation_and_dedup_whole(Venue venue)
    {
        var options = new MarketValidationOptions { MaxAge = null, MaxClockSkew = null, PriceAnomalyWarmUp = 5 };
        var sink = new Pipeline(new MarketValidator(options, new FakeTimeProvider()));
        using (var input = RecordedSessions.Open(venue))
        {
            new RecordingReplay(venue, sink).Run(input);
        }

        var batches = sink.Transformer.Drain();
        Assert.Empty(sink.Rejects);
        Assert.True(sink.Events > 0);
        Assert.Equal(0, sink.Deduplicator.Duplicates);
        Assert.Equal(sink.Events, batches.Sum(b => b.Count));
        Assert.Equal(sink.Events, sink.Validator.Statistics.AcceptedTrades + sink.Validator.Statistics.AcceptedBooks);
    }

    private sealed class Pipeline(MarketValidator validator) : IMarketEventSink
    {
        public MarketValidator Validator { get; } = validator;

        public TradeDeduplicator Deduplicator { get; } = new(1000);

        public MarketTransformer Transformer { get; } = new();

        public List<string> Rejects { get; } = [];

        public int Events { get; private set; }

        public void OnTrade(Trade trade)
        {
            Events++;
            if (!Validator.TryValidate(trade, out var reason, out var detail))
            {
                Rejects.Add($"{trade}: {reason} {detail}");
            }
            else if (Deduplicator.IsNew(trade))
            {
                Transformer.Add(trade);
            }
        }

        public void OnBook(BookUpdate book)
        {
            Events++;
            if (!Validator.TryValidate(book, out var reason, out var detail))
            {
                Rejects.Add($"{book.Instrument} book: {reason} {detail}");
            }
            else
            {
                Transformer.Add(book);
            }
        }

        public void OnResyncRequired(string instrument, string reason)
        {
        }
    }
}
