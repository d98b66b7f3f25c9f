using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

public sealed class ReminderWithoutServiceTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Registering_a_reminder_on_a_silo_without_a_reminder_service_fails_saying_how_to_add_one()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => fixture.Client.GetGrain<IReminderGrain>("no-service").RegisterAsync("r", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        Assert.Contains("no reminder service", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryReminderService()", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgresReminderService(connectionString)", error.Message, StringComparison.Ordinal);
    }
}
