using Microsoft.Extensions.Hosting;

namespace TgeSwarm.Runtime.Testing;

/// <summary>A silo of a <see cref="TestCluster"/>: its name, address and services.</summary>
public sealed class SiloHandle
{
    internal SiloHandle(string name, IHost host, SiloAddress siloAddress)
    {
        Name = name;
        Host = host;
        SiloAddress = siloAddress;
    }

    public string Name { get; }

    public SiloAddress SiloAddress { get; }

    public IServiceProvider ServiceProvider => Host.Services;

    /// <summary>Whether the silo is running (not stopped or killed).</summary>
    public bool IsActive { get; internal set; } = true;

    internal IHost Host { get; }

    public override string ToString() => $"{Name} ({SiloAddress})";
}
