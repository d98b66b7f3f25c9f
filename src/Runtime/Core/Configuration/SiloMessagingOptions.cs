namespace TgeSwarm.Runtime.Configuration;

/// <summary>Messaging settings of a silo.</summary>
public sealed class SiloMessagingOptions : MessagingOptions
{
    /// <summary>
    /// Requests an activation may hold queued before new ones are refused with
    /// <see cref="ActivationOverloadedException"/>. Default 10 000.
    /// </summary>
    public int MaxEnqueuedRequests { get; set; } = 10_000;

    /// <summary>
    /// How long one request may run before its activation is declared stuck and deactivated, so the grain serves
    /// calls again from a fresh activation. Default 2 hours, as Orleans.
    /// </summary>
    public TimeSpan MaxRequestProcessingTime { get; set; } = TimeSpan.FromHours(2);
}
