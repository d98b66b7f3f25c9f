using System.Text.Json;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>What a recording says the recording client did: its configured instruments per channel, the URLs it opened and the frames it sent, per connection.</summary>
internal sealed class RecordedSession
{
    private readonly List<(string Kind, string Connection, string Address, string? Data)> _lines = [];
    private readonly List<(string Connection, string Frame)> _received = [];
    private readonly List<(string Url, string Body)> _http = [];

    private RecordedSession(string path)
    {
        foreach (var line in Recordings.Lines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var kind = root.GetProperty("t").GetString();
            switch (kind)
            {
                case "header":
                    Config = root.GetProperty("config").Clone();
                    break;
                case "connect" or "send":
                    _lines.Add((kind, root.GetProperty("conn").GetString()!, root.GetProperty("addr").GetString()!, kind == "send" ? root.GetProperty("data").GetString() : null));
                    break;
                case "http":
                    _http.Add((root.GetProperty("url").GetString()!, root.GetProperty("data").GetString()!));
                    break;
                case "recv":
                    _received.Add((root.GetProperty("conn").GetString()!, root.GetProperty("data").GetString()!));
                    break;
            }
        }
    }

    public JsonElement Config { get; private set; }

    public static RecordedSession Load(string path) => new(path);

    /// <summary>The instruments the recording client configured for a cryptofeed channel (<c>trades</c>, <c>l2_book</c>).</summary>
    public List<string> Instruments(string channel) => [.. Config.GetProperty(channel).EnumerateArray().Select(e => e.GetString()!)];

    public string ConnectAddress(string connection) => _lines.Single(l => l.Kind == "connect" && l.Connection == connection).Address;

    public List<string> Sent(string connection) => [.. _lines.Where(l => l.Kind == "send" && l.Connection == connection).Select(l => l.Data!)];

    /// <summary>URLs of the REST requests the recording client made.</summary>
    public IEnumerable<string> HttpUrls => _http.Select(h => h.Url);

    /// <summary>The body of the recorded REST response whose path and query are <paramref name="pathAndQuery"/>, or null.</summary>
    public string? HttpBody(string pathAndQuery) => _http.Find(h => new Uri(h.Url).PathAndQuery == pathAndQuery).Body;

    /// <summary>Frames the venue sent on a connection, in recorded order.</summary>
    public List<string> Received(string connection) => [.. _received.Where(r => r.Connection == connection).Select(r => r.Frame)];
}
