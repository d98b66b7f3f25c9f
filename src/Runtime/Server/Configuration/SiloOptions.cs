namespace TgeSwarm.Runtime.Configuration;

/// <summary>This silo's name and where it is reached.</summary>
public sealed class SiloOptions
{
    /// <summary>A name for logs and the dashboard. Default: the machine name and process id.</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The address other silos and clients use. Default 127.0.0.1.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port. Default 11111, as Orleans; 0 picks a free port.</summary>
    public int SiloPort { get; set; } = 11111;
}
