using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Postgres.Reminders;
using TgeSwarm.Runtime.Postgres.Tests.Hosting;

namespace TgeSwarm.Runtime.Postgres.Tests.Reminders;

public sealed class PostgresReminderExtensionsTests
{
    [Fact]
    public async Task The_table_is_one_singleton_scoped_to_the_service_id_and_stores_reminders()
    {
        var builder = new TestSiloBuilder();
        var serviceId = "test-" + Guid.NewGuid().ToString("N");
        builder.Services.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
        builder.UsePostgresReminderService(PostgresTestEnvironment.ConnectionString);
        await using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        services.GetRequiredService<IStartupValidator>().Validate();

        var table = services.GetRequiredService<IReminderTable>();
        var entry = new ReminderEntry
        {
            GrainId = GrainId.Create("reminded", "di"),
            ReminderName = "r",
            StartAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Period = TimeSpan.FromMinutes(1),
            DueTime = TimeSpan.Zero,
        };
        var etag = await table.UpsertRowAsync(entry, null, CancellationToken.None);
        var read = await table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None);
        await table.RemoveRowAsync(entry.GrainId, "r", etag!, CancellationToken.None);

        Assert.IsType<PostgresReminderTable>(table);
        Assert.Same(table, services.GetRequiredService<IReminderTable>());
        Assert.Equal(entry with { ETag = etag }, read);
    }

    [Fact]
    public async Task A_later_call_replaces_the_reminder_table_chosen_before()
    {
        var builder = new TestSiloBuilder();
        builder.UsePostgresReminderService("Host=first");
        builder.UsePostgresReminderService(PostgresTestEnvironment.ConnectionString);

        Assert.Single(builder.Services, static d => d.ServiceType == typeof(IReminderTable));
        await using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(PostgresTestEnvironment.ConnectionString, services.GetRequiredService<IOptions<PostgresReminderOptions>>().Value.ConnectionString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_connection_string_fails_start_up_naming_the_reminder_service(string connectionString)
    {
        var builder = new TestSiloBuilder();
        builder.UsePostgresReminderService(connectionString);
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PostgreSQL reminder service: ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_and_an_empty_service_id_fail_start_up_together()
    {
        var builder = new TestSiloBuilder();
        builder.UsePostgresReminderService("Hots=nowhere;;=", o => o.ServiceId = " ");
        await using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("not a valid Npgsql connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceId must not be empty", error.Message, StringComparison.Ordinal);
    }
}
