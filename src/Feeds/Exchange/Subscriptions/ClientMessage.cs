namespace TgeSwarm.Feeds.Exchange.Subscriptions;

internal enum ClientMessageKind
{
    /// <summary>Not a message the replay acts on (logged and ignored).</summary>
    Other,
    Subscribe,
    Unsubscribe,

    /// <summary>A venue ping: <see cref="ClientMessage.Reply"/> is the venue's pong.</summary>
    Ping,
}

/// <summary>
/// A client frame as the replay understands it: subscriptions as canonical keys (the same keys the frames of the
/// recording carry), or a ping and its answer, or a reply the venue would send to the message.
/// </summary>
internal sealed record ClientMessage(ClientMessageKind Kind, IReadOnlyList<string> Keys, byte[]? Reply)
{
    public static ClientMessage Other { get; } = new(ClientMessageKind.Other, [], null);

    public static ClientMessage Pong(byte[] reply) => new(ClientMessageKind.Ping, [], reply);
}
