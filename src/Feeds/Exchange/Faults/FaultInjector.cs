using TgeSwarm.Feeds.Exchange.Frames;

namespace TgeSwarm.Feeds.Exchange.Faults;

/// <summary>
/// The faults of one connection and their counters. Positions count per connection across passes: book deltas for
/// drop and corrupt (corrupt: deltas that carry a quantity), frames the script sends for duplicate, close and
/// silence (a dropped frame is not sent, a duplicated one counts once). Probabilities draw from one generator per
/// connection seeded by the exchange seed, the venue and the connection's ordinal, so a run repeats exactly.
/// Used by the connection's send loop only: not thread-safe.
/// </summary>
internal sealed class FaultInjector
{
    private readonly ReplayFault[] _faults;
    private readonly Random _random;
    private long _deltas;
    private long _quantities;
    private long _frames;

    public FaultInjector(IEnumerable<ReplayFault> faults, Venue venue, long ordinal, int seed)
    {
        _faults = [.. faults.Where(f => (f.Venue is null || f.Venue == venue) && (f.FirstConnections == 0 || ordinal <= f.FirstConnections))];
        // A fixed mix (not HashCode, which is randomised per process) keeps runs with one seed identical.
        _random = new Random(unchecked((seed * 397) ^ ((int)venue * 7919) ^ (int)ordinal));
    }

    public bool IsEmpty => _faults.Length == 0;

    /// <summary>Position (1-based) of the current frame among those sent, for logs.</summary>
    public long FrameNumber => _frames;

    /// <summary>Decides drop, corruption and duplication for the next frame the script would send.</summary>
    public FrameFaults Before(FrameKind kind, bool hasQuantity)
    {
        if (_faults.Length == 0)
        {
            return FrameFaults.None;
        }

        var delta = kind == FrameKind.BookDelta;
        var deltaNumber = delta ? ++_deltas : 0;
        var quantityNumber = delta && hasQuantity ? ++_quantities : 0;
        if (delta && Hits(ReplayFaultKind.DropDelta, deltaNumber) is not null)
        {
            return new FrameFaults(Drop: true, Corruption: null, Duplicate: false);
        }

        var frameNumber = ++_frames;
        var corruption = quantityNumber > 0 ? Hits(ReplayFaultKind.CorruptQuantity, quantityNumber)?.Corruption : null;
        var duplicate = Hits(ReplayFaultKind.DuplicateFrame, frameNumber) is not null;
        return new FrameFaults(Drop: false, corruption, duplicate);
    }

    /// <summary>After a frame went out: whether to close now.</summary>
    public bool CloseAfter() => _faults.Length > 0 && Hits(ReplayFaultKind.Close, _frames) is not null;

    /// <summary>After a frame went out: how long to go silent now, or zero.</summary>
    public TimeSpan SilenceAfter() => _faults.Length > 0 && Hits(ReplayFaultKind.Silence, _frames) is { } silence ? silence.Duration : TimeSpan.Zero;

    private ReplayFault? Hits(ReplayFaultKind kind, long position)
    {
        foreach (var fault in _faults)
        {
            if (fault.Kind == kind && (fault.At > 0 ? position == fault.At : _random.NextDouble() < fault.Probability))
            {
                return fault;
            }
        }

        return null;
    }
}
