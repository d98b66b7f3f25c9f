using System.Globalization;
using System.Text.Unicode;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Writes the small frames of the <c>pipeline_small</c> benchmark in each venue's own wire format (field names,
/// order and number formats as in the recordings and domain.md §2): Binance <c>trade</c> and <c>depthUpdate</c> events
/// in combined-stream envelopes and the REST depth snapshot, a Bybit v5 <c>publicTrade</c> frame and an OKX v5
/// <c>trades</c> frame, each with one trade. Prices have two decimals and sizes four, as strings.
/// </summary>
internal sealed class SmallFrameWriter(FrameArena arena, Random random)
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public ReadOnlyMemory<byte> BinanceTrade(SmallInstrument instrument, long millis)
    {
        var frame = arena.Reserve();
        return Commit(Utf8.TryWrite(frame, s_invariant, $"{{\"stream\":\"{instrument.Stream}@trade\",\"data\":{{\"e\":\"trade\",\"E\":{millis},\"s\":\"{instrument.Symbol}\",\"t\":{instrument.NextTradeId++},\"p\":\"{TradePrice(instrument):F2}\",\"q\":\"{Size():F4}\",\"T\":{millis},\"m\":{(random.Next(2) == 0 ? "true" : "false")},\"M\":true}}}}", out var length), length);
    }

    /// <summary>One to three levels changed, on random ranks of either side; deeper levels are sometimes removed and come back later.</summary>
    public ReadOnlyMemory<byte> BinanceDepthUpdate(SmallInstrument instrument, long millis)
    {
        var first = instrument.LastUpdateId + 1;
        instrument.LastUpdateId += random.Next(1, 4);
        var frame = arena.Reserve();
        Ensure(Utf8.TryWrite(
            frame,
            s_invariant,
            $"{{\"stream\":\"{instrument.Stream}@depth@100ms\",\"data\":{{\"e\":\"depthUpdate\",\"E\":{millis},\"s\":\"{instrument.Symbol}\",\"U\":{first},\"u\":{instrument.LastUpdateId},\"b\":[",
            out var length));
        var bids = random.Next(0, 3);
        var asks = bids == 0 ? random.Next(1, 3) : random.Next(0, 3);
        length += Levels(frame[length..], instrument, bids, bid: true);
        length += Append(frame[length..], "],\"a\":["u8);
        length += Levels(frame[length..], instrument, asks, bid: false);
        length += Append(frame[length..], "]}}"u8);
        return arena.Commit(length);
    }

    /// <summary>The body of <c>GET /api/v3/depth</c>: <see cref="SmallInstrument.Levels"/> levels a side at the instrument's current update id.</summary>
    public ReadOnlyMemory<byte> BinanceSnapshot(SmallInstrument instrument)
    {
        var frame = arena.Reserve();
        Ensure(Utf8.TryWrite(frame, s_invariant, $"{{\"lastUpdateId\":{instrument.LastUpdateId},\"bids\":[", out var length));
        length += FullSide(frame[length..], instrument, bid: true);
        length += Append(frame[length..], "],\"asks\":["u8);
        length += FullSide(frame[length..], instrument, bid: false);
        length += Append(frame[length..], "]}"u8);
        return arena.Commit(length);
    }

    public ReadOnlyMemory<byte> BybitTrade(SmallInstrument instrument, long millis, long sequence)
    {
        var buy = random.Next(2) == 0;
        var frame = arena.Reserve();
        return Commit(Utf8.TryWrite(frame, s_invariant, $"{{\"topic\":\"publicTrade.{instrument.Symbol}\",\"type\":\"snapshot\",\"ts\":{millis},\"data\":[{{\"T\":{millis},\"s\":\"{instrument.Symbol}\",\"S\":\"{(buy ? "Buy" : "Sell")}\",\"v\":\"{Size():F4}\",\"p\":\"{TradePrice(instrument):F2}\",\"L\":\"{(buy ? "PlusTick" : "MinusTick")}\",\"i\":\"{instrument.NextTradeId++}\",\"BT\":false,\"RPI\":false,\"seq\":{sequence}}}]}}", out var length), length);
    }

    public ReadOnlyMemory<byte> OkxTrade(SmallInstrument instrument, long millis)
    {
        var frame = arena.Reserve();
        return Commit(Utf8.TryWrite(frame, s_invariant, $"{{\"arg\":{{\"channel\":\"trades\",\"instId\":\"{instrument.Dashed}\"}},\"data\":[{{\"instId\":\"{instrument.Dashed}\",\"tradeId\":\"{instrument.NextTradeId++}\",\"px\":\"{TradePrice(instrument):F2}\",\"sz\":\"{Size():F4}\",\"side\":\"{(random.Next(2) == 0 ? "buy" : "sell")}\",\"ts\":\"{millis}\"}}]}}", out var length), length);
    }

    private int Levels(Span<byte> to, SmallInstrument instrument, int count, bool bid)
    {
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            // The best level always keeps a size, so neither side empties and the book's top stays meaningful.
            var rank = random.Next(SmallInstrument.Levels);
            var size = rank >= 5 && random.Next(10) == 0 ? 0m : Size();
            length += Level(to[length..], bid ? instrument.Bid(rank) : instrument.Ask(rank), size, i > 0);
        }

        return length;
    }

    private int FullSide(Span<byte> to, SmallInstrument instrument, bool bid)
    {
        var length = 0;
        for (var rank = 0; rank < SmallInstrument.Levels; rank++)
        {
            length += Level(to[length..], bid ? instrument.Bid(rank) : instrument.Ask(rank), Size(), rank > 0);
        }

        return length;
    }

    private static int Level(Span<byte> to, decimal price, decimal size, bool comma)
    {
        Ensure(Utf8.TryWrite(to, s_invariant, $"{(comma ? "," : "")}[\"{price:F2}\",\"{size:F4}\"]", out var length));
        return length;
    }

    private decimal TradePrice(SmallInstrument instrument) => instrument.Mid + (SmallInstrument.Tick * random.Next(-5, 6));

    private decimal Size() => random.Next(1, 50_000) / 10_000m;

    private static int Append(Span<byte> to, ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(to);
        return literal.Length;
    }

    private ReadOnlyMemory<byte> Commit(bool written, int length)
    {
        Ensure(written);
        return arena.Commit(length);
    }

    private static void Ensure(bool written)
    {
        if (!written)
        {
            throw new InvalidOperationException($"A synthetic frame did not fit in {FrameArena.MaxFrameBytes} bytes.");
        }
    }
}
