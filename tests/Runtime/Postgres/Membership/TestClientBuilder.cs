using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

/// <summary>The two things a client extension touches, without a client behind them.</summary>
internal sealed class TestClientBuilder : IClientBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection().AddLogging();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
}
