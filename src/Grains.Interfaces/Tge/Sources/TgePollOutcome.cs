namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>How one poll of a source ended.</summary>
public enum TgePollOutcome
{
    /// <summary>The body was read and at least one item was new (emitted, or remembered on a first poll that emits nothing).</summary>
    NewItems,

    /// <summary>The body was read and every item had been seen before.</summary>
    NoNewItems,

    /// <summary>The host answered 304: nothing changed since the last poll.</summary>
    NotModified,

    /// <summary>The fetch or the parse failed; the reason is counted.</summary>
    Failed,

    /// <summary>Nothing was fetched: the source is paused or unconfigured.</summary>
    Skipped,

    /// <summary>The source was paused, removed or reconfigured while the poll was in flight; its result was dropped.</summary>
    Cancelled,
}
