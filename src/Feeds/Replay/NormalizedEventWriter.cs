using System.Text.Json;

namespace TgeSwarm.Feeds.Replay;

/// <summary>
/// Writes normalised events as JSON lines, the output of <c>tgeswarm replay normalize</c> (DESIGN.md "Running"):
/// <c>{"kind":"trade","venue","instrument","ts","price","size","side","id"}</c> and
/// <c>{"kind":"book","venue","instrument","ts","snapshot","bids":[[p,s],…],"asks":[…]}</c>, then one summary line.
/// Prices and sizes are JSON numbers written from the decimals, digit for digit as the venue sent them.
/// </summary>
public sealed class NormalizedEventWriter : IMarketEventSink, IDisposable
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    private readonly Stream _output;
    private readonly Utf8JsonWriter _writer;

    public NormalizedEventWriter(Stream output)
    {
        _output = output;
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
    }

    public void OnTrade(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        _writer.WriteStartObject();
        Header("trade", trade.Venue, trade.Instrument, trade.Timestamp);
        _writer.WriteNumber("price"u8, trade.Price);
        _writer.WriteNumber("size"u8, trade.Size);
        _writer.WriteString("side"u8, trade.Side switch { TradeSide.Buy => "buy", TradeSide.Sell => "sell", _ => "unknown" });
        _writer.WriteString("id"u8, trade.TradeId);
        EndLine();
    }

    public void OnBook(BookUpdate book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _writer.WriteStartObject();
        Header("book", book.Venue, book.Instrument, book.Timestamp);
        _writer.WriteBoolean("snapshot"u8, book.IsSnapshot);
        Levels("bids"u8, book.Bids);
        Levels("asks"u8, book.Asks);
        EndLine();
    }

    /// <summary>Resyncs appear in the summary's counters; the event stream itself only carries data.</summary>
    public void OnResyncRequired(string instrument, string reason)
    {
    }

    public void WriteSummary(FeedStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        _writer.WriteStartObject();
        _writer.WriteString("kind"u8, "summary");
        _writer.WriteNumber("frames"u8, statistics.Frames);
        _writer.WriteNumber("trades"u8, statistics.Trades);
        _writer.WriteNumber("books"u8, statistics.Books);
        _writer.WriteNumber("gaps"u8, statistics.Gaps);
        _writer.WriteNumber("resyncs"u8, statistics.Resyncs);
        _writer.WriteNumber("checksum_ok"u8, statistics.ChecksumOk);
        _writer.WriteNumber("checksum_failed"u8, statistics.ChecksumFailed);
        _writer.WriteNumber("rejected"u8, statistics.Rejected);
        EndLine();
    }

    public void Dispose() => _writer.Dispose();

    private void Header(string kind, Venue venue, string instrument, long timestamp)
    {
        _writer.WriteString("kind"u8, kind);
        _writer.WriteString("venue"u8, VenueNames.Name(venue));
        _writer.WriteString("instrument"u8, instrument);
        _writer.WriteNumber("ts"u8, timestamp);
    }

    private void Levels(ReadOnlySpan<byte> name, IReadOnlyList<PriceLevel> levels)
    {
        _writer.WriteStartArray(name);
        foreach (var level in levels)
        {
            _writer.WriteStartArray();
            _writer.WriteNumberValue(level.Price);
            _writer.WriteNumberValue(level.Size);
            _writer.WriteEndArray();
        }

        _writer.WriteEndArray();
    }

    private void EndLine()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Reset();
        _output.Write(s_newLine);
    }
}
