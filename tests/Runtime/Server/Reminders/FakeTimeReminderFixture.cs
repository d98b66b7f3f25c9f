using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Reminders;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>One silo on a <see cref="FakeTimeProvider"/> with the in-memory reminder service and Orleans' default reminder and collection options; calls never time out on the fake clock.</summary>
public sealed class FakeTimeReminderFixture : ClusterFixture
{
    public FakeTimeProvider Time { get; } = new();

    internal LocalReminderService Service => Cluster.Primary.ServiceProvider.GetRequiredService<LocalReminderService>();

    protected override void Configure(ISiloBuilder silo)
    {
        base.Configure(silo);
        silo.Services.AddSingleton<TimeProvider>(Time);
        silo.UseInMemoryReminderService();

        // A test moves the clock in steps of minutes; a tick fired early in a step must not time out (and be dropped
        // unrun) before the grain's turn comes, however busy the machine is.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
    }
}
