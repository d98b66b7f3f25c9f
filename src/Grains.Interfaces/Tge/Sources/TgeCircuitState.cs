namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>A host guard's circuit breaker, as Polly names its states.</summary>
public enum TgeCircuitState
{
    /// <summary>Requests flow.</summary>
    Closed,

    /// <summary>Too many recent failures: requests are refused until the break ends.</summary>
    Open,

    /// <summary>The break ended: the next request is a probe that closes or re-opens the circuit.</summary>
    HalfOpen,

    /// <summary>Held open by hand.</summary>
    Isolated,
}
