namespace TgeSwarm.EndToEnd.Tests.Probe;

internal enum ProbeOutcome
{
    /// <summary>200 with the counter's new value: the increment is persisted.</summary>
    Acknowledged,

    /// <summary>
    /// The increment was not acknowledged for a reason a failover explains: a 502/503/504 from HAProxy or the silo,
    /// a refused or broken connection, or no answer in time.
    /// </summary>
    Unavailable,

    /// <summary>Anything else (a 400, a 500, a malformed body): a bug, never part of a failover.</summary>
    Unexpected,
}
