using System.Buffers;
using System.Text.Json;

namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// One venue's side of a connection: the URL to open, the messages that subscribe, resubscribe a book and ping,
/// and the venue's symbol for a normalised instrument. Messages are built when a connection opens or a book is
/// resynced, never per frame, so they are plain byte arrays.
/// </summary>
internal abstract class VenueProtocol(ConnectorSettings settings)
{
    protected ConnectorSettings Settings { get; } = settings;

    /// <summary>The address the WebSocket opens.</summary>
    public virtual Uri ConnectUrl => Settings.WebSocketUrl;

    /// <summary>The application ping, or null when the venue has none (or pings are switched off).</summary>
    public byte[]? Ping => Settings.PingInterval > TimeSpan.Zero ? PingMessage : null;

    /// <summary>Books come from REST snapshots (Binance) rather than from resubscribing.</summary>
    public virtual bool UsesRestSnapshots => false;

    protected virtual byte[]? PingMessage => null;

    /// <summary>What to send once the socket is open.</summary>
    public abstract IReadOnlyList<byte[]> SubscribeMessages();

    /// <summary>Unsubscribe, then subscribe again, the book channel of <paramref name="instruments"/>: the venue answers with a fresh snapshot.</summary>
    public abstract IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments);

    /// <summary>The REST snapshot address of an instrument's book (venues with <see cref="UsesRestSnapshots"/>).</summary>
    public virtual Uri SnapshotUrl(string instrument) => throw new NotSupportedException($"{Settings.Venue} books are not fetched over REST.");

    /// <summary>
    /// The venue's symbol for a normalised instrument. Also applied to the names feeds report resyncs with, which are
    /// normalised the same way, so no table of configured names is needed.
    /// </summary>
    public abstract string NativeSymbol(string instrument);

    protected static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    protected static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    protected List<string> NativeSymbols(IEnumerable<string> instruments)
    {
        var symbols = new List<string>();
        foreach (var instrument in instruments)
        {
            symbols.Add(NativeSymbol(instrument));
        }

        return symbols;
    }

    /// <summary>Splits a long argument list into messages of at most <paramref name="size"/> arguments (venue limits per message).</summary>
    protected static IEnumerable<List<T>> Chunks<T>(List<T> items, int size)
    {
        for (var start = 0; start < items.Count; start += size)
        {
            yield return items.GetRange(start, Math.Min(size, items.Count - start));
        }
    }
}
