using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange.Scripts;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// The frames of every recorded connection of the five venues as the looping replay exchange sends them (ids,
/// sequence numbers and times rebased on each pass, so nothing looks duplicated or out of sequence), rendered once
/// into memory so neither side of the benchmark pays for rendering. REST bodies (Binance snapshots) go ahead of the
/// frames they preceded in the first pass.
/// </summary>
internal sealed class PipelineFrames
{
    public static readonly Venue[] Venues = [Venue.Binance, Venue.Bybit, Venue.KrakenV1, Venue.Okx, Venue.Coinbase];

    private PipelineFrames(List<Connection> connections) => Connections = connections;

    /// <summary>Frames made elsewhere (the small synthetic frames of <see cref="SmallFrames"/>).</summary>
    public static PipelineFrames Of(List<Connection> connections) => new(connections);

    public List<Connection> Connections { get; }

    /// <summary>Frames from the second pass on: the measured part (the first pass warms up and sets books up).</summary>
    public long MeasuredFrames => Connections.Sum(static c => (long)(c.Frames.Count - c.WarmUpCount));

    /// <summary>Renders a warm-up pass and <paramref name="passes"/> measured passes.</summary>
    public static PipelineFrames Render(int passes)
    {
        var connections = new List<Connection>();
        foreach (var venue in Venues)
        {
            var prepared = PreparedVenue.Load(venue);
            foreach (var recorded in prepared.Connections)
            {
                var player = new ScriptPlayer(new ReplayScript(prepared, [recorded], recorded.Keys), firstPass: 0);
                var http = prepared.Recording.Http.Where(h => h.Micros >= recorded.Recorded.ConnectMicros).ToList();
                var connection = new Connection(venue, recorded.Recorded.Address);
                var nextHttp = 0;
                long ordinal = 0;
                foreach (var frame in player.Frames(loop: true).TakeWhile(f => f.Pass <= passes))
                {
                    if (frame.Pass == 1 && connection.WarmUpCount == 0)
                    {
                        connection.WarmUpCount = connection.Frames.Count;
                    }

                    while (frame.Pass == 0 && nextHttp < http.Count && http[nextHttp].Micros <= frame.Step.Frame.Micros)
                    {
                        connection.Frames.Add(new Frame(http[nextHttp].Body, http[nextHttp].Url.ToString()));
                        nextHttp++;
                    }

                    connection.Frames.Add(new Frame(player.Render(frame, ordinal++).ToArray(), null));
                }

                connections.Add(connection);
            }
        }

        return new PipelineFrames(connections);
    }

    /// <summary>One recorded WebSocket connection's frames; <see cref="Frame.RestUrl"/> marks a REST body.</summary>
    internal sealed record Connection(Venue Venue, Uri Address)
    {
        public List<Frame> Frames { get; } = [];

        /// <summary>Frames of the warm-up pass (they come first).</summary>
        public int WarmUpCount { get; set; }

        public int MeasuredCount => Frames.Count - WarmUpCount;

        /// <summary>The first frame and the number of frames of <paramref name="part"/>.</summary>
        public (int From, int Count) Range(FramePart part)
        {
            if (part.Measured)
            {
                return (WarmUpCount, MeasuredCount);
            }

            var from = (int)((long)WarmUpCount * part.Index / part.Of);
            return (from, (int)((long)WarmUpCount * (part.Index + 1) / part.Of) - from);
        }
    }

    internal readonly record struct Frame(ReadOnlyMemory<byte> Data, string? RestUrl);
}
