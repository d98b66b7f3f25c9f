namespace TgeSwarm.Runtime.Hosting;

/// <summary>A service that starts and stops with the silo at a <see cref="SiloLifecycleStage"/>. Register as a singleton.</summary>
public interface ISiloLifecycleParticipant
{
    /// <summary>One of <see cref="SiloLifecycleStage"/>'s values, or a value between them.</summary>
    int Stage { get; }

    Task OnStartAsync(CancellationToken cancellationToken);

    Task OnStopAsync(CancellationToken cancellationToken);
}
