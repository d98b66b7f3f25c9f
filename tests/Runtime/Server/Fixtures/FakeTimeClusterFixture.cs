using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Fixtures;

/// <summary>
/// A cluster on a <see cref="FakeTimeProvider"/> with Orleans' default collection settings, a 3-request mailbox and
/// a 5-minute stuck-request limit, so tests move time instead of waiting for it.
/// </summary>
public sealed class FakeTimeClusterFixture : ClusterFixture
{
    public FakeTimeProvider Time { get; } = new();

    protected override void Configure(ISiloBuilder silo)
    {
        base.Configure(silo);
        silo.Services.AddSingleton<TimeProvider>(Time);
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.MaxEnqueuedRequests = 3;
            o.MaxRequestProcessingTime = TimeSpan.FromMinutes(5);
        });
    }
}
