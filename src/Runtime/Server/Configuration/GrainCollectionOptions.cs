namespace TgeSwarm.Runtime.Configuration;

/// <summary>When idle activations are collected and how long activation and deactivation may take.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation unused for this long is deactivated. Default 15 minutes, as Orleans 7+.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle and stuck activations. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Collection ages per grain type name (e.g. <c>counter</c>), overriding <see cref="CollectionAge"/>.</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = new(StringComparer.Ordinal);

    /// <summary>How long loading state plus <c>OnActivateAsync</c> may take. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>OnDeactivateAsync</c> may take. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
