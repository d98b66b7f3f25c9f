namespace TgeSwarm.Runtime.Streams;

/// <summary>The key of a stream's rendezvous grain: <c>provider/namespace/key</c> (provider and namespace hold no '/').</summary>
internal static class PubSubKey
{
    public static string For(string provider, StreamId streamId) => $"{provider}/{streamId.Namespace}/{streamId.Key}";

    public static (string Provider, StreamId StreamId) Parse(string key)
    {
        var first = key.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : key.IndexOf('/', first + 1);
        return second > first + 1 && first > 0
            ? (key[..first], StreamId.Create(key[(first + 1)..second], key[(second + 1)..]))
            : throw new FormatException($"'{key}' is not a pub-sub key: expected 'provider/namespace/key'.");
    }
}
