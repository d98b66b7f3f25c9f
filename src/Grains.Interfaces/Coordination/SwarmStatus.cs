namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The overall verdict of <see cref="SwarmHealth"/>.</summary>
public enum SwarmStatus
{
    Healthy,
    Degraded,
    Halted,
}
