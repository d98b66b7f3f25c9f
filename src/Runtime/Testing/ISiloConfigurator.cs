using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Testing;

/// <summary>Configures every silo of a <see cref="TestCluster"/>; added with <c>AddSiloBuilderConfigurator&lt;T&gt;()</c>.</summary>
public interface ISiloConfigurator
{
    void Configure(ISiloBuilder siloBuilder);
}
