using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Reminders;

namespace TgeSwarm.Runtime.Hosting;

public static class PostgresReminderExtensions
{
    /// <summary>
    /// Keeps reminders in PostgreSQL on <paramref name="connectionString"/>, partitioned by
    /// <see cref="ClusterOptions.ServiceId"/> (or <see cref="PostgresReminderOptions.ServiceId"/>), so they survive
    /// silo and cluster restarts. The schema in <c>db/migrations</c> is applied before first use; options are
    /// validated when the silo starts. Replaces any reminder service chosen before.
    /// </summary>
    public static ISiloBuilder UsePostgresReminderService(
        this ISiloBuilder builder, string connectionString, Action<PostgresReminderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // A null or blank connection string is left to the validator, whose message says where it comes from.
        builder.Services.AddOptions<PostgresReminderOptions>()
            .Configure(options =>
            {
                options.ConnectionString = connectionString;
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresReminderOptions>, PostgresReminderOptionsValidator>());
        builder.Services.TryAddSingleton<PostgresDatabases>();
        builder.Services.RemoveAll<IReminderTable>();
        builder.Services.AddSingleton<IReminderTable>(CreateTable);
        return builder;
    }

    private static PostgresReminderTable CreateTable(IServiceProvider services)
    {
        // Value runs the validators, so resolving a misconfigured table fails even without a host.
        var options = services.GetRequiredService<IOptions<PostgresReminderOptions>>().Value;
        var serviceId = options.ServiceId ?? services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        return new PostgresReminderTable(
            services.GetRequiredService<PostgresDatabases>().Get(options.ConnectionString),
            serviceId,
            services.GetRequiredService<ILogger<PostgresReminderTable>>());
    }
}
