namespace TgeSwarm.Feeds.Exchange;

/// <summary>
/// One fault the replay exchange injects into its connections, deterministically: either at a position
/// (<see cref="At"/>: the Nth book delta for <see cref="ReplayFaultKind.DropDelta"/> and
/// <see cref="ReplayFaultKind.CorruptQuantity"/>, the Nth frame for the others, counted per connection over all
/// passes, so it fires once per connection) or with a probability per eligible frame drawn from a generator seeded
/// by <see cref="ReplayExchangeOptions.Seed"/>, the venue and the connection's ordinal.
/// </summary>
public sealed partial class ReplayFault
{
    public ReplayFaultKind Kind { get; set; }

    /// <summary>1-based position of the frame (or book delta) the fault hits on each connection; 0 when <see cref="Probability"/> is used.</summary>
    public long At { get; set; }

    /// <summary>Probability in (0, 1] that an eligible frame is hit; 0 when <see cref="At"/> is used.</summary>
    public double Probability { get; set; }

    /// <summary>How long <see cref="ReplayFaultKind.Silence"/> lasts. Required for it, ignored by the others.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>How <see cref="ReplayFaultKind.CorruptQuantity"/> spoils the quantity. Default non-numeric.</summary>
    public QuantityCorruption Corruption { get; set; } = QuantityCorruption.NonNumeric;

    /// <summary>The venue whose connections the fault hits; null (default) for every venue served.</summary>
    public Venue? Venue { get; set; }

    /// <summary>Only the first N connections of each venue are hit (a reconnect then runs clean); 0 (default) for all.</summary>
    public int FirstConnections { get; set; }

    public override string ToString()
    {
        var when = At > 0 ? At.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"p={Probability.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var argument = Kind switch
        {
            ReplayFaultKind.Silence => $":{Duration.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}ms",
            ReplayFaultKind.CorruptQuantity => Corruption == QuantityCorruption.Negative ? ":negative" : ":non-numeric",
            _ => string.Empty,
        };
        return $"{NameOf(Kind)}:{when}{argument}{(Venue is { } venue ? "@" + VenueNames.Name(venue) : string.Empty)}";
    }
}
