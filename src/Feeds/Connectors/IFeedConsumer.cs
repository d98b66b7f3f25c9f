namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// What a <see cref="VenueConnector"/> hands its frames' contents to. The connector calls
/// <see cref="OnFrameReceived"/> before it gives a frame (or a REST snapshot body) to the venue feed; the feed then
/// calls the <see cref="IMarketEventSink"/> methods synchronously for what that frame held. The connector calls
/// <see cref="FlushAsync"/> once no further frame is already waiting in the socket, or after
/// <see cref="VenueConnectorOptions.MaxFramesPerFlush"/> frames, so batches grow under load and stay one frame long
/// when the venue is quiet. The socket is not read while a flush is awaited: that await is the backpressure.
/// </summary>
/// <remarks>
/// All calls come from the connector's one loop, one at a time, never from a grain turn: an implementation needs no
/// locking of its own. An exception thrown from any of these methods is the owner's bug, not a network fault: it
/// ends <see cref="VenueConnector.RunAsync"/> with that exception.
/// </remarks>
public interface IFeedConsumer : IMarketEventSink
{
    /// <summary>A frame was read; <paramref name="receivedAtMicros"/> is its receive time, UTC microseconds.</summary>
    void OnFrameReceived(long receivedAtMicros);

    /// <summary>Publishes what was gathered since the last flush.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
