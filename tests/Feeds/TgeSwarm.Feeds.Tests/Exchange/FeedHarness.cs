using TgeSwarm.Feeds.Exchange.Recording;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Feeds what a client received from the exchange to a venue feed, with REST bodies where the recording had them.</summary>
internal static class FeedHarness
{
    /// <summary>
    /// Frames of one recorded connection as received (they must be the recorded frames, in order), with the REST
    /// bodies the client fetched placed at their recorded time, as <see cref="Replay.RecordingReplay"/> places them.
    /// </summary>
    public static FeedStatistics FeedAsRecorded(Venue venue, PreparedConnection connection, IReadOnlyList<byte[]> frames, IReadOnlyList<(RecordedHttp Recorded, byte[] Fetched)> rest, CollectingSink sink)
    {
        var feed = VenueFeeds.Create(venue, sink, connection.Recorded.Address);
        var next = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var micros = connection.Recorded.Frames[i].Micros;
            for (; next < rest.Count && rest[next].Recorded.Micros <= micros; next++)
            {
                feed.OnRestResponse(rest[next].Recorded.Url.ToString(), rest[next].Fetched, rest[next].Recorded.Micros);
            }

            feed.OnFrame(frames[i], micros);
        }

        for (; next < rest.Count; next++)
        {
            feed.OnRestResponse(rest[next].Recorded.Url.ToString(), rest[next].Fetched, rest[next].Recorded.Micros);
        }

        return feed.Statistics;
    }

    /// <summary>Frames fed in order to one feed, REST bodies first.</summary>
    public static FeedStatistics Feed(Venue venue, Uri address, IEnumerable<byte[]> frames, CollectingSink sink, params (string Url, byte[] Body)[] restFirst)
    {
        var feed = VenueFeeds.Create(venue, sink, address);
        foreach (var (url, body) in restFirst)
        {
            feed.OnRestResponse(url, body, 0);
        }

        foreach (var frame in frames)
        {
            feed.OnFrame(frame, 0);
        }

        return feed.Statistics;
    }
}
