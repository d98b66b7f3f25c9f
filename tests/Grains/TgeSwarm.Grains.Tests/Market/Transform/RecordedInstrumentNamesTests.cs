using System.Text.RegularExpressions;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;
using TgeSwarm.Grains.Market.Transform;

namespace TgeSwarm.Grains.Tests.Market.Transform;

/// <summary>
/// What the parsers emit on the real recorded sessions, and what the transform stage still changes: the naming rules
/// are checked against real names, not only invented ones.
/// </summary>
public sealed partial class RecordedInstrumentNamesTests
{
    [Theory]
    [InlineData(Venue.Binance, "NKN-USDT", "")]
    [InlineData(Venue.Bybit, "BTC-USDT-PERP", "")]
    [InlineData(Venue.Coinbase, "BTC-USD", "")]
    [InlineData(Venue.KrakenV1, "BTC-CHF", "")]
    [InlineData(Venue.Okx, "BTC-USDT", "UNI-USD-SWAP>UNI-USD-PERP")]
    public void Recorded_instruments_come_out_in_one_form_and_only_the_expected_ones_are_renamed(Venue venue, string expectedInstrument, string expectedRenames)
    {
        var sink = new InstrumentCollector();
        using (var input = RecordedSessions.Open(venue))
        {
            new RecordingReplay(venue, sink).Run(input);
        }

        var transformer = new MarketTransformer();
        var renames = new List<string>();
        foreach (var instrument in sink.Instruments.Order(StringComparer.Ordinal))
        {
            var normal = transformer.Normalize(new Trade(venue, instrument, 1, 1m, 1m, TradeSide.Buy, "1")).Instrument;
            Assert.Matches(NormalName(), normal);
            if (normal != instrument)
            {
                renames.Add($"{instrument}>{normal}");
            }
        }

        Assert.Contains(expectedInstrument, sink.Instruments);
        Assert.DoesNotContain(sink.Instruments, i => i.Contains("XBT", StringComparison.Ordinal) || i.Contains("XDG", StringComparison.Ordinal));
        Assert.Equal(expectedRenames, string.Join(',', renames));
    }

    [GeneratedRegex("^[A-Z0-9]+-[A-Z0-9]+(-[A-Z0-9]+)?$")]
    private static partial Regex NormalName();

    private sealed class InstrumentCollector : IMarketEventSink
    {
        public HashSet<string> Instruments { get; } = new(StringComparer.Ordinal);

        public void OnTrade(Trade trade) => Instruments.Add(trade.Instrument);

        public void OnBook(BookUpdate book) => Instruments.Add(book.Instrument);

        public void OnResyncRequired(string instrument, string reason)
        {
        }
    }
}
