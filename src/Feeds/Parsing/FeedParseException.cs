using System.Text.Json;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>A known message with a missing or unusable field; never leaves the feed (see <see cref="VenueFeedBase"/>).</summary>
internal sealed class FeedParseException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
