using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Postgres.Tests.Hosting;

/// <summary>The two things a provider extension touches, without a silo behind them.</summary>
internal sealed class TestSiloBuilder : ISiloBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection().AddLogging();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
}
