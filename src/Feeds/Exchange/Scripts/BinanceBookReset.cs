using System.Globalization;
using System.Text;
using System.Text.Json;
using TgeSwarm.Feeds.Exchange.Frames;
using TgeSwarm.Feeds.Exchange.Recording;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>
/// What a looping Binance replay needs for one symbol's depth stream. Binance sends no book snapshot on the socket
/// (clients fetch <c>/api/v3/depth</c>), so a new pass cannot start with one. Instead pass k ≥ 1 opens with one
/// synthetic diff that turns the book a client holds at the end of a pass back into the recorded REST snapshot:
/// <c>U</c> = the previous pass's last <c>u</c> + 1 and <c>u</c> = the snapshot's <c>lastUpdateId</c> + k × span, so the
/// client's U/u chain stays unbroken, the recorded diffs already inside the snapshot are stale again (dropped by the
/// documented rule, exactly as on pass 0), and the book never carries stale levels into the next pass.
/// The REST snapshot itself is served with <c>lastUpdateId</c> moved to the pass the asking connection needs.
/// </summary>
internal sealed class BinanceBookReset
{
    private static readonly byte[] LastUpdateIdName = "\"lastUpdateId\":"u8.ToArray();

    private readonly byte[] _snapshot;
    private readonly int _idStart;
    private readonly int _idLength;

    private BinanceBookReset(PreparedConnection connection, string key, string symbol, int classIndex, long lastUpdateId, byte[] snapshot, int idStart, int idLength, FrameTemplate? frame)
    {
        Connection = connection;
        Key = key;
        Symbol = symbol;
        ClassIndex = classIndex;
        LastUpdateId = lastUpdateId;
        Span = connection.Classes.Span(classIndex);
        _snapshot = snapshot;
        _idStart = idStart;
        _idLength = idLength;
        Frame = frame;
    }

    public PreparedConnection Connection { get; }

    /// <summary>The depth stream, e.g. <c>nknusdt@depth@100ms</c>.</summary>
    public string Key { get; }

    /// <summary>The REST symbol, e.g. <c>NKNUSDT</c>.</summary>
    public string Symbol { get; }

    public int ClassIndex { get; }

    public long LastUpdateId { get; }

    public long Span { get; }

    /// <summary>The diff that opens every pass after the first; null when the recording's snapshot does not reach its first diff.</summary>
    public FrameTemplate? Frame { get; }

    /// <summary>The first pass whose snapshot is not older than <paramref name="lastSentId"/>, the last <c>u</c> a client was sent.</summary>
    public long PassFor(long lastSentId) => lastSentId <= LastUpdateId || Span <= 0 ? 0 : (lastSentId - LastUpdateId + Span - 1) / Span;

    /// <summary>The recorded snapshot body with <c>lastUpdateId</c> as it reads on <paramref name="pass"/>.</summary>
    public byte[] Snapshot(long pass)
    {
        if (pass == 0 || _idStart < 0)
        {
            return _snapshot;
        }

        var id = (LastUpdateId + (pass * Span)).ToString(CultureInfo.InvariantCulture);
        return [.. _snapshot.AsSpan(0, _idStart), .. Encoding.ASCII.GetBytes(id), .. _snapshot.AsSpan(_idStart + _idLength)];
    }

    public static IReadOnlyList<BinanceBookReset> Build(IReadOnlyList<PreparedConnection> connections, IReadOnlyList<RecordedHttp> http)
    {
        var resets = new List<BinanceBookReset>();
        foreach (var connection in connections)
        {
            foreach (var key in connection.Keys.Order(StringComparer.Ordinal))
            {
                var at = key.IndexOf("@depth", StringComparison.Ordinal);
                if (at <= 0 || !connection.Classes.TryGetIndex(BinanceFrameScanner.DepthClass(key[..at]), out var classIndex))
                {
                    continue;
                }

                var symbol = key[..at].ToUpperInvariant();
                var body = http.FirstOrDefault(h => IsSnapshotOf(h.Url, symbol))?.Body;
                if (body is not null && TryReadSnapshot(body, out var snapshot))
                {
                    var frame = ResetFrame(connection, key, symbol, classIndex, snapshot);
                    resets.Add(new BinanceBookReset(connection, key, symbol, classIndex, snapshot.LastUpdateId, body, snapshot.IdStart, snapshot.IdLength, frame));
                }
            }
        }

        return resets;
    }

    /// <summary>Whether <paramref name="url"/> asks for <paramref name="symbol"/>'s depth snapshot.</summary>
    public static bool IsSnapshotOf(Uri url, string symbol) =>
        url.AbsolutePath.EndsWith("/api/v3/depth", StringComparison.Ordinal)
        && url.Query.TrimStart('?').Split('&').Any(p => string.Equals(p, "symbol=" + symbol, StringComparison.OrdinalIgnoreCase));

    private static FrameTemplate? ResetFrame(PreparedConnection connection, string key, string symbol, int classIndex, SnapshotBook snapshot)
    {
        var (firstId, _) = connection.Classes.Bounds(classIndex);
        if (snapshot.LastUpdateId < firstId)
        {
            return null;
        }

        var book = new BookSides(snapshot.Bids, snapshot.Asks);
        long? eventTime = null;
        long micros = 0;
        foreach (var frame in connection.Frames)
        {
            if (frame.Key == key && frame.Kind == FrameKind.BookDelta && TryReadDiff(frame.Bytes, out var diff))
            {
                eventTime ??= diff.EventTime;
                micros = micros == 0 ? frame.Micros : micros;
                if (diff.FinalId > snapshot.LastUpdateId)
                {
                    book.Apply(diff.Bids, diff.Asks);
                }
            }
        }

        // The pass-k values are base + k × span: U's base is the first diff's U (= last u + 1 − span), u's the snapshot's id.
        var text = new StringBuilder();
        text.Append("{\"stream\":\"").Append(key).Append("\",\"data\":{\"e\":\"depthUpdate\",\"E\":");
        var timeSlot = Slot(text, eventTime ?? 0, SlotKind.Millis, -1);
        text.Append(",\"s\":\"").Append(symbol).Append("\",\"U\":");
        var firstSlot = Slot(text, firstId, SlotKind.Id, classIndex);
        text.Append(",\"u\":");
        var finalSlot = Slot(text, snapshot.LastUpdateId, SlotKind.Id, classIndex);
        text.Append(",\"b\":");
        AppendLevels(text, book.BidsBackTo(snapshot.Bids));
        text.Append(",\"a\":");
        AppendLevels(text, book.AsksBackTo(snapshot.Asks));
        text.Append("}}");
        return new FrameTemplate(Encoding.ASCII.GetBytes(text.ToString()), [timeSlot, firstSlot, finalSlot], FrameKind.BookDelta, key, -1, 0, micros, connection.Classes);
    }

    private static FrameSlot Slot(StringBuilder text, long value, SlotKind kind, int idClass)
    {
        var start = text.Length;
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        return new FrameSlot(start, text.Length - start, kind, value, idClass);
    }

    private static void AppendLevels(StringBuilder text, List<(string Price, string Size)> levels)
    {
        text.Append('[');
        for (var i = 0; i < levels.Count; i++)
        {
            text.Append(i == 0 ? "[\"" : ",[\"").Append(levels[i].Price).Append("\",\"").Append(levels[i].Size).Append("\"]");
        }

        text.Append(']');
    }

    private static bool TryReadSnapshot(byte[] body, out SnapshotBook snapshot)
    {
        snapshot = new SnapshotBook();
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("lastUpdateId"u8))
                {
                    reader.Read();
                    snapshot.LastUpdateId = reader.GetInt64();
                    snapshot.IdStart = checked((int)reader.TokenStartIndex);
                    snapshot.IdLength = reader.ValueSpan.Length;
                }
                else if (reader.ValueTextEquals("bids"u8) || reader.ValueTextEquals("asks"u8))
                {
                    var levels = reader.ValueTextEquals("bids"u8) ? snapshot.Bids : snapshot.Asks;
                    reader.Read();
                    ReadLevels(ref reader, levels);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }

        // The id must be where the snapshot body has it, so serving it rebased is a splice, not a re-encoding.
        return snapshot.IdStart > 0 && body.AsSpan(snapshot.IdStart - LastUpdateIdName.Length, LastUpdateIdName.Length).SequenceEqual(LastUpdateIdName);
    }

    private static bool TryReadDiff(byte[] frame, out Diff diff)
    {
        diff = new Diff();
        try
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "E": diff.EventTime = reader.GetInt64(); break;
                    case "u": diff.FinalId = reader.GetInt64(); break;
                    case "b": ReadLevels(ref reader, diff.Bids); break;
                    case "a": ReadLevels(ref reader, diff.Asks); break;
                    default: reader.Skip(); break;
                }
            }

            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static void ReadLevels(ref Utf8JsonReader reader, List<(string Price, string Size)> levels)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var price = reader.GetString() ?? throw new FormatException("A level without a price.");
            reader.Read();
            var size = reader.GetString() ?? throw new FormatException("A level without a size.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
            }

            levels.Add((price, size));
        }
    }

    private sealed class SnapshotBook
    {
        public long LastUpdateId { get; set; }

        public int IdStart { get; set; } = -1;

        public int IdLength { get; set; }

        public List<(string Price, string Size)> Bids { get; } = [];

        public List<(string Price, string Size)> Asks { get; } = [];
    }

    private sealed class Diff
    {
        public long EventTime { get; set; }

        public long FinalId { get; set; }

        public List<(string Price, string Size)> Bids { get; } = [];

        public List<(string Price, string Size)> Asks { get; } = [];
    }
}
