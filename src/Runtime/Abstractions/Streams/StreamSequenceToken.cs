namespace TgeSwarm.Runtime;

/// <summary>
/// Where an event sits in its stream: the sequence number of the batch the provider stored it in and the event's
/// index within that batch. Tokens of one stream and provider are ordered; a consumer that keeps the last token it
/// handled can resubscribe from it on a rewindable provider (PostgreSQL streams) and skip what it already saw.
/// Memory streams number batches per producing silo, so their tokens order events of one producer only.
/// </summary>
public sealed class StreamSequenceToken : IEquatable<StreamSequenceToken>, IComparable<StreamSequenceToken>
{
    public StreamSequenceToken(long sequenceNumber, int eventIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(eventIndex);
        SequenceNumber = sequenceNumber;
        EventIndex = eventIndex;
    }

    public long SequenceNumber { get; }

    public int EventIndex { get; }

    /// <summary>The token of the event <paramref name="offset"/> places after this one in the same batch.</summary>
    public StreamSequenceToken CreateSequenceTokenForEvent(int offset) => new(SequenceNumber, EventIndex + offset);

    public bool Newer(StreamSequenceToken other) => CompareTo(other) > 0;

    public bool Older(StreamSequenceToken other) => CompareTo(other) < 0;

    public int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        var bySequence = SequenceNumber.CompareTo(other.SequenceNumber);
        return bySequence != 0 ? bySequence : EventIndex.CompareTo(other.EventIndex);
    }

    public bool Equals(StreamSequenceToken? other) => other is not null && SequenceNumber == other.SequenceNumber && EventIndex == other.EventIndex;

    public override bool Equals(object? obj) => obj is StreamSequenceToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(SequenceNumber, EventIndex);

    public override string ToString() => $"[{SequenceNumber}:{EventIndex}]";
}
