namespace TgeSwarm.Feeds.Exchange;

/// <summary>How <see cref="ReplayFaultKind.CorruptQuantity"/> spoils a quantity.</summary>
public enum QuantityCorruption
{
    /// <summary><c>"6195.00"</c> becomes <c>"6195.00x"</c>: the parser must reject the message.</summary>
    NonNumeric,

    /// <summary><c>"6195.00"</c> becomes <c>"-6195.00"</c>: a well-formed number no book may hold.</summary>
    Negative,
}
