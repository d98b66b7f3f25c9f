using System.Text.RegularExpressions;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;
using TgeSwarm.Grains.Market.Transform;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Market.Transform;

/// <summary>
/// The real recorded sessions through validation, dedup and transformation, as the grains chain them. Real sessions
/// are good data: with the time checks off (the recordings are from 2021 to 2026) nothing is rejected (a false
/// positive of the anomaly check would show here), nothing is a duplicate and every event reaches a batch. The
/// naming rules are checked against the names the parsers really emit: only OKX's swap suffix still changes.
/// </summary>
public sealed partial class RecordedSessionTests
{
    [Theory]
    [InlineData(Venue.Binance, "NKN-USDT", "")]
    [InlineData(Venue.Bybit, "BTC-USDT-PERP", "")]
    [InlineData(Venue.Coinbase, "BTC-USD", "")]
    [InlineData(Venue.KrakenV1, "BTC-CHF", "")]
    [InlineData(Venue.Okx, "BTC-USDT", "UNI-USD-SWAP>UNI-USD-PERP")]
    public void A_recorded_session_passes_whole_in_one_naming(Venue venue, string expectedInstrument, string expectedRenames)
    {
        var options = new MarketValidationOptions { MaxAge = null, MaxClockSkew = null, PriceAnomalyWarmUp = 5 };
        var pipeline = new Pipeline(new MarketValidator(options, new FakeTimeProvider()));
        using (var input = RecordedSessions.Open(venue))
        {
            new RecordingReplay(venue, pipeline).Run(input);
        }

        var batches = pipeline.Transformer.Drain();
        Assert.Empty(pipeline.Rejects);
        Assert.True(pipeline.Events > 0);
        Assert.Equal(0, pipeline.Deduplicator.Duplicates);
        Assert.Equal(pipeline.Events, pipeline.Validator.Statistics.AcceptedTrades + pipeline.Validator.Statistics.AcceptedBooks);
        Assert.Equal(pipeline.Events, batches.Sum(b => b.Count));

        Assert.Contains(expectedInstrument, pipeline.RawInstruments);
        Assert.DoesNotContain(pipeline.RawInstruments, i => i.Contains("XBT", StringComparison.Ordinal) || i.Contains("XDG", StringComparison.Ordinal));
        Assert.All(batches, b => Assert.Matches(NormalName(), b.Instrument));
        var renames = new List<string>();
        foreach (var instrument in pipeline.RawInstruments.Order(StringComparer.Ordinal))
        {
            var normal = pipeline.Transformer.Normalize(new Trade(venue, instrument, 1, 1m, 1m, TradeSide.Buy, "1")).Instrument;
            if (normal != instrument)
            {
                renames.Add($"{instrument}>{normal}");
            }
        }

        Assert.Equal(expectedRenames, string.Join(',', renames));
    }

    [GeneratedRegex("^[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?$")]
    private static partial Regex NormalName();

    private sealed class Pipeline(MarketValidator validator) : IMarketEventSink
    {
        public MarketValidator Validator { get; } = validator;

        public TradeDeduplicator Deduplicator { get; } = new(1000);

        public MarketTransformer Transformer { get; } = new();

        public HashSet<string> RawInstruments { get; } = new(StringComparer.Ordinal);

        public List<string> Rejects { get; } = [];

        public int Events { get; private set; }

        public void OnTrade(Trade trade)
        {
            Events++;
            RawInstruments.Add(trade.Instrument);
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
            RawInstruments.Add(book.Instrument);
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
