using TgeSwarm.Feeds.Exchange.Scripts;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>
/// Each venue's recording prepared once per test run and shared by every exchange the tests start (prepared
/// recordings are immutable), so a test pays for sockets, not for decompressing and scanning sessions.
/// </summary>
internal static class SharedRecordings
{
    private static readonly Dictionary<Venue, Lazy<PreparedVenue>> Venues =
        RecordedSessions.Available.ToDictionary(v => v, v => new Lazy<PreparedVenue>(() => PreparedVenue.Load(v)));

    public static PreparedVenue Get(Venue venue) => Venues[venue].Value;
}
