using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>
/// Each venue's recording prepared once per test run and shared by every exchange the tests start (prepared
/// recordings are immutable), so a test pays for sockets, not for decompressing and scanning sessions; likewise the
/// expensive read-only results several tests compare against.
/// </summary>
internal static class SharedRecordings
{
    private static readonly Dictionary<Venue, Lazy<PreparedVenue>> Venues =
        RecordedSessions.Available.ToDictionary(v => v, v => new Lazy<PreparedVenue>(() => PreparedVenue.Load(v)));

    private static readonly Dictionary<Venue, Lazy<FeedStatistics>> Recorded =
        RecordedSessions.Available.ToDictionary(v => v, v => new Lazy<FeedStatistics>(() => Recordings.Replay(v).Statistics));

    private static readonly Dictionary<Venue, Lazy<GeneratedSession>> Generated =
        RecordedSessions.Available.ToDictionary(v => v, v => new Lazy<GeneratedSession>(() => GeneratedSession.Play(Get(v), GeneratedPasses)));

    /// <summary>Passes of <see cref="Looped"/>.</summary>
    public const int GeneratedPasses = 3;

    public static PreparedVenue Get(Venue venue) => Venues[venue].Value;

    /// <summary>The counters of the recording replayed straight into the parsers (<see cref="Replay.RecordingReplay"/>); nothing may change them.</summary>
    public static FeedStatistics RecordedStatistics(Venue venue) => Recorded[venue].Value;

    /// <summary>The venue's connections played through the frame generator for <see cref="GeneratedPasses"/> passes; nothing may change it.</summary>
    public static GeneratedSession Looped(Venue venue) => Generated[venue].Value;
}
