namespace TgeSwarm.Runtime.Catalog;

internal enum ActivationState
{
    /// <summary>Registered in the catalog; the grain is being constructed, its state loaded and <c>OnActivateAsync</c> run.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Waiting for running turns to end, then running <c>OnDeactivateAsync</c>; new requests are queued for the next activation.</summary>
    Deactivating,

    /// <summary>Removed from the catalog; anything still arriving is sent back for a new activation.</summary>
    Invalid,
}
