using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Reminders;

namespace TgeSwarm.Runtime.Hosting;

public static class ReminderHostingExtensions
{
    /// <summary>
    /// Keeps the cluster's reminders in memory, in one grain that every silo of the cluster reads and writes, so
    /// reminders fire on whichever silo owns their grain. The table lives in that grain's silo: it is lost when that
    /// silo stops or dies, and with the whole cluster. For development and tests; use
    /// <c>UsePostgresReminderService</c> for reminders that survive restarts. Replaces any reminder service chosen before.
    /// </summary>
    public static ISiloBuilder UseInMemoryReminderService(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IReminderTable>();
        builder.Services.AddSingleton<IReminderTable, InMemoryReminderTable>();

        // Idle collection would throw the table away.
        builder.Services.Configure<GrainCollectionOptions>(static o => o.ClassSpecificCollectionAge[InMemoryReminderTable.GrainType] = TimeSpan.MaxValue);
        return builder;
    }
}
