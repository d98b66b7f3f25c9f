using System.Text.Json;
using TgeSwarm.Feeds.Books;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// The parser loop's safety net shared by every venue: size check, frame counting, and the translation of a parse
/// failure into a counted rejection. Venue code throws <see cref="JsonException"/> (the reader's own, or
/// <see cref="FeedParseException"/> for a known message with a bad field) and this class decides the reason.
/// </summary>
internal abstract partial class VenueFeedBase(Venue venue, IMarketEventSink sink) : IVenueFeed
{
    // Trades read while the rest of their frame is still unread wait here: a frame rejected later emits nothing.
    private readonly List<Trade> _deferred = [];

    public Venue Venue { get; } = venue;

    public FeedStatistics Statistics { get; } = new();

    protected IMarketEventSink Sink { get; } = sink;

    public void OnFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        Statistics.Frames++;
        if (frame.Length > FeedLimits.MaxFrameBytes)
        {
            Statistics.Reject(RejectReasons.FrameTooLarge);
            return;
        }

        Guarded(frame, url: null, receivedAt);
    }

    /// <summary>REST bodies go through the same safety net but are not counted as frames.</summary>
    public void OnRestResponse(string url, ReadOnlySpan<byte> body, long receivedAt) => Guarded(body, url, receivedAt);

    protected abstract void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt);

    /// <summary>Only Binance needs REST bodies (depth snapshots); other venues ignore them.</summary>
    protected virtual void ParseRest(string url, ReadOnlySpan<byte> body, long receivedAt)
    {
    }

    private void Guarded(ReadOnlySpan<byte> frame, string? url, long receivedAt)
    {
        _deferred.Clear();
        try
        {
            if (url is null)
            {
                ParseFrame(frame, receivedAt);
            }
            else
            {
                ParseRest(url, frame, receivedAt);
            }
        }
        catch (FeedParseException exception)
        {
            Statistics.Reject(exception.Reason);
        }
        catch (JsonException exception)
        {
            Statistics.Reject(IsCut(exception, frame) ? RejectReasons.Truncated : RejectReasons.MalformedJson);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's typed getters throw this when a field holds the wrong JSON type.
            Statistics.Reject(RejectReasons.Schema);
        }
    }

    protected void Emit(Trade trade)
    {
        Statistics.Trades++;
        Sink.OnTrade(trade);
    }

    /// <summary>Holds a trade until <see cref="EmitDeferred"/>, once its whole frame has been read.</summary>
    protected void Defer(Trade trade) => _deferred.Add(trade);

    protected void EmitDeferred()
    {
        foreach (var trade in _deferred)
        {
            Emit(trade);
        }

        _deferred.Clear();
    }

    /// <summary>Emits an update already applied to <paramref name="book"/>, with the top that resulted.</summary>
    protected void EmitBook(string instrument, long timestamp, bool isSnapshot, PriceLevel[] bids, PriceLevel[] asks, OrderBook book)
    {
        Statistics.Books++;
        Sink.OnBook(new BookUpdate(Venue, instrument, timestamp, isSnapshot, bids, asks, BookTop.Of(book)));
    }

    /// <summary>A gap or a failed checksum: the book is dropped and the connector told to resync.</summary>
    protected void RequireResync(string instrument, string reason)
    {
        Statistics.Resyncs++;
        Sink.OnResyncRequired(instrument, reason);
    }

    // A frame cut short makes the reader fail at its very end; any earlier failure is bad JSON.
    private static bool IsCut(JsonException exception, ReadOnlySpan<byte> frame)
    {
        var trimmed = frame.TrimEnd(" \r\n\t"u8);
        return trimmed.Length == 0 || exception.BytePositionInLine >= trimmed.Length;
    }
}
