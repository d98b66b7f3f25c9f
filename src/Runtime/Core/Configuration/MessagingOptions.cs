namespace TgeSwarm.Runtime.Configuration;

/// <summary>Settings shared by silos and clients for sending calls.</summary>
public abstract class MessagingOptions
{
    /// <summary>How long a caller waits for a response before the call fails with <see cref="TimeoutException"/>. Default 30 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
