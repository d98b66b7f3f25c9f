using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Reminders;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>Three silos with the in-memory reminder service and one-second reminder periods allowed.</summary>
public sealed class ReminderClusterFixture : MultiSiloFixture
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    internal static LocalReminderService ServiceOf(SiloHandle silo) => silo.ServiceProvider.GetRequiredService<LocalReminderService>();

    /// <summary>The silo that holds the in-memory reminder table (the table grain's owner on the ring).</summary>
    public SiloAddress TableHost => OwnerOf(InMemoryReminderTable.GrainType, "0");

    /// <summary>A secondary silo other than the table's, so stopping it keeps the table.</summary>
    public SiloHandle Victim => Cluster.Silos.Skip(1).First(s => s.IsActive && !s.SiloAddress.Equals(TableHost));

    /// <summary>A key of <see cref="ReminderTicks.GrainType"/> whose reminders (and grain) <paramref name="silo"/> owns.</summary>
    public string KeyOwnedBy(SiloHandle silo, string prefix) =>
        Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}").First(k => silo.SiloAddress.Equals(OwnerOf(ReminderTicks.GrainType, k)));

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.UseInMemoryReminderService();
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = Period);
    }
}
