namespace TgeSwarm.EndToEnd.Tests.Memory;

internal enum WriteOutcome
{
    /// <summary>200 with the entry's new version (or, for a read, the entry): the write is persisted.</summary>
    Acknowledged,

    /// <summary>409: the entry is not at the version the write expected.</summary>
    Conflict,

    /// <summary>
    /// Not acknowledged for a reason a failover explains: a 502/503/504 from HAProxy or the silo, a refused or broken
    /// connection, or no answer in time. The write may or may not have been applied.
    /// </summary>
    Unavailable,

    /// <summary>Anything else (a 400, a 401, a 500, a malformed body): a bug, never part of a failover.</summary>
    Unexpected,
}
