using Microsoft.Extensions.Hosting;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Testing;

/// <summary>Describes a <see cref="TestCluster"/>: how many silos, and how each silo and host is configured.</summary>
public sealed class TestClusterBuilder
{
    private readonly List<Action<ISiloBuilder>> _siloConfigurations = [];
    private readonly List<Action<IHostBuilder>> _hostConfigurations = [];

    public TestClusterBuilder(int initialSilosCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialSilosCount);
        Options.InitialSilosCount = initialSilosCount;
    }

    public TestClusterOptions Options { get; } = new();

    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _siloConfigurations.Add(configure);
        return this;
    }

    /// <summary>Configures each silo's generic host (logging, extra services, configuration sources).</summary>
    public TestClusterBuilder ConfigureHost(Action<IHostBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _hostConfigurations.Add(configure);
        return this;
    }

    public TestClusterBuilder AddSiloBuilderConfigurator<TConfigurator>()
        where TConfigurator : ISiloConfigurator, new() =>
        ConfigureSilo(static silo => new TConfigurator().Configure(silo));

    public TestCluster Build() => new(Options, [.. _siloConfigurations], [.. _hostConfigurations]);
}
