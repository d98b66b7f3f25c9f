namespace TgeSwarm.Runtime.Dashboard.Tests.Live;

/// <summary>Reads server-sent events block by block; a block of comment lines only comes back as event "comment".</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly StreamReader _reader = new(stream);

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<SseEvent?> ReadAsync(string waitingFor)
    {
        string? name = null;
        string? id = null;
        var data = new List<string>();
        var comments = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync().WaitAsync(Bound);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"timed out after {Bound.TotalSeconds} s waiting for {waitingFor} on the event stream");
            }

            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (name is null && data.Count == 0 && comments.Count == 0)
                {
                    continue;
                }

                return name is null && data.Count == 0
                    ? new SseEvent("comment", null, string.Join('\n', comments))
                    : new SseEvent(name ?? "message", id, string.Join('\n', data));
            }

            if (line.StartsWith(':'))
            {
                comments.Add(line[1..].Trim());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
    }

    /// <summary>Reads until an event named <paramref name="name"/> arrives (skipping others), or fails at the end of the stream.</summary>
    public async Task<SseEvent> ReadUntilAsync(string name)
    {
        for (var i = 0; i < 1000; i++)
        {
            var next = await ReadAsync($"event '{name}'") ?? throw new InvalidOperationException($"the event stream ended before an event '{name}' arrived");
            if (next.Name == name)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"no event '{name}' among the first 1000 events");
    }

    public void Dispose() => _reader.Dispose();
}
