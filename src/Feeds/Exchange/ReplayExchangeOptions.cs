namespace TgeSwarm.Feeds.Exchange;

/// <summary>
/// Settings of a <see cref="ReplayExchange"/> (configuration section <c>ReplayExchange</c>), checked at start-up
/// by <see cref="ReplayExchangeOptionsValidator"/>.
/// </summary>
public sealed class ReplayExchangeOptions
{
    public const string SectionName = "ReplayExchange";

    /// <summary><see cref="Speed"/> value that sends every frame as soon as the socket takes it.</summary>
    public const double AsFastAsPossible = 0;

    /// <summary>The venues to serve, each on a port of its own (their recorded paths overlap). Required; only venues in <see cref="RecordedSessions.Available"/>.</summary>
    public IList<Venue> Venues { get; set; } = [];

    /// <summary>
    /// The first venue's port; the others take the next ports in <see cref="Venues"/> order. Default 0: every venue
    /// on a port the OS picks (read them from <see cref="ReplayExchange.Endpoint"/>). Always on 127.0.0.1.
    /// </summary>
    public int Port { get; set; }

    /// <summary>Recorded time × 1/Speed between frames: 1 is real time, 10 ten times faster. Default 1; 0 (<see cref="AsFastAsPossible"/>) sends without pauses.</summary>
    public double Speed { get; set; } = 1.0;

    /// <summary>Replay each connection's recording again and again, rebasing ids, sequences and times per pass, until the client or the server stops. Default false.</summary>
    public bool Loop { get; set; }

    /// <summary>Without <see cref="Loop"/>: keep the socket open (and silent) after the last frame instead of closing it normally. Default false.</summary>
    public bool KeepOpenAtEnd { get; set; }

    /// <summary>How long a client may take to send its subscriptions before the server closes the socket. Default 10 s.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A client whose subscriptions are a strict subset of a recording's waits this long after its last subscribe
    /// message for more before the replay starts (a recording's exact set starts at once). Default 1 s.
    /// </summary>
    public TimeSpan SubscribeSettle { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Faults to inject. Default none.</summary>
    public IList<ReplayFault> Faults { get; set; } = [];

    /// <summary>Seed of the fault generator: the same seed, venue and connection order give the same faults. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
