namespace TgeSwarm.Runtime;

public enum DeactivationReasonCode
{
    None,

    /// <summary>The grain called <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,

    /// <summary>Unused for longer than the collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is stopping.</summary>
    ShuttingDown,

    /// <summary><c>OnActivateAsync</c> or loading state failed.</summary>
    ActivationFailed,

    /// <summary>A write was refused by the storage's ETag check, so the in-memory state cannot be trusted.</summary>
    InconsistentState,

    /// <summary>A request ran longer than allowed and the activation was declared stuck.</summary>
    ActivationUnresponsive,

    /// <summary>Another activation of the same grain won the directory registration.</summary>
    DuplicateActivation,
}
