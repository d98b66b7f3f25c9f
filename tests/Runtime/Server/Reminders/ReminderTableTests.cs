using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Reminders;
using TgeSwarm.Runtime.Reminders;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>The in-memory table, through its grain on a real silo.</summary>
public sealed class InMemoryReminderTableTests(FakeTimeReminderFixture fixture) : ReminderTableContract, IClassFixture<FakeTimeReminderFixture>
{
    internal override IReminderTable Table => fixture.Cluster.Primary.ServiceProvider.GetRequiredService<IReminderTable>();

    [Fact]
    public void The_in_memory_service_uses_the_grain_backed_table() => Assert.IsType<InMemoryReminderTable>(Table);
}

/// <summary>The PostgreSQL table on the real server, under a service id of its own.</summary>
public sealed class PostgresReminderTableContractTests : ReminderTableContract, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);
    private readonly string _serviceId = $"contract-{Guid.NewGuid():N}";
    private PostgresReminderTable _table = null!;

    internal override IReminderTable Table => _table;

    public Task InitializeAsync()
    {
        _table = new PostgresReminderTable(_databases.Get(PostgresClusterFixture.ConnectionString), _serviceId, NullLogger<PostgresReminderTable>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await using (var command = _databases.Get(PostgresClusterFixture.ConnectionString).DataSource.CreateCommand("DELETE FROM swarm_reminders WHERE service_id = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            await command.ExecuteNonQueryAsync();
        }

        await _databases.DisposeAsync();
    }
}
