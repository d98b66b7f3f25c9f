namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// Ordered start-up stages of a silo (Orleans' numbering). Participants start in ascending stage order and stop in
/// descending order, so a service never starts before what it depends on, nor stops after it.
/// </summary>
public static class SiloLifecycleStage
{
    /// <summary>Grain classes and codecs are loaded and checked.</summary>
    public const int RuntimeInitialize = 2000;

    /// <summary>Runtime services: timeouts, collection, messaging.</summary>
    public const int RuntimeServices = 4000;

    /// <summary>Storage providers are ready (migrations applied).</summary>
    public const int RuntimeStorage = 6000;

    /// <summary>Application services that use grains.</summary>
    public const int ApplicationServices = 10000;

    /// <summary>The silo is about to serve; on stop, activations are deactivated here.</summary>
    public const int BecomeActive = 19999;

    /// <summary>The silo serves requests.</summary>
    public const int Active = 20000;
}
