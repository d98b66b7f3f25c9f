namespace TgeSwarm.Runtime.Hosting;

/// <summary>This silo's identity and status, for hosts (health checks, dashboards) that run beside it.</summary>
public interface ILocalSiloDetails
{
    string Name { get; }

    SiloAddress SiloAddress { get; }

    DateTimeOffset StartedAt { get; }

    SiloStatus Status { get; }
}
