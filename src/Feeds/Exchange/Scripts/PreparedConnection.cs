using TgeSwarm.Feeds.Exchange.Frames;
using TgeSwarm.Feeds.Exchange.Recording;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>A recorded connection ready to serve: its frames scanned into templates and the subscription keys it recorded.</summary>
internal sealed class PreparedConnection(RecordedConnection recorded, IReadOnlyList<FrameTemplate> frames, IdClassTable classes, IReadOnlySet<string> keys)
{
    public RecordedConnection Recorded { get; } = recorded;

    public IReadOnlyList<FrameTemplate> Frames { get; } = frames;

    public IdClassTable Classes { get; } = classes;

    /// <summary>What the recorded client subscribed to (its send frames, or Binance's URL), as canonical keys.</summary>
    public IReadOnlySet<string> Keys { get; } = keys;

    public string Id => Recorded.Id;

    /// <summary>Whether a frame's key is one this connection subscribed to; other frames (acks, heartbeats) belong to no subscription.</summary>
    public bool Owns(string? key) => key is not null && Keys.Contains(key);
}
