using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Alerts;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

public sealed class TgeDetectionHostingTests
{
    [Fact]
    public async Task Without_a_connection_string_records_and_webhook_notices_stay_in_memory_and_with_one_they_go_to_postgres()
    {
        await using var memory = new ServiceCollection().AddLogging().AddTgeDetection().BuildServiceProvider();
        Assert.IsType<InMemoryTgeEventStore>(memory.GetRequiredService<ITgeEventStore>());
        Assert.IsType<TgeWebhookDispatcher>(memory.GetRequiredService<ITgeWebhookOutbox>());

        await using var configured = new ServiceCollection().AddLogging()
            .AddTgeDetection(Configuration(new() { ["Tge:Events:ConnectionString"] = "Host=127.0.0.1;Database=none" }))
            .BuildServiceProvider();
        Assert.IsType<PostgresTgeEventStore>(configured.GetRequiredService<ITgeEventStore>());
        Assert.IsType<PostgresTgeWebhookOutbox>(configured.GetRequiredService<ITgeWebhookOutbox>());

        await using var passed = new ServiceCollection().AddLogging().AddTgeDetection(null, "Host=127.0.0.1;Database=none").BuildServiceProvider();
        Assert.IsType<PostgresTgeEventStore>(passed.GetRequiredService<ITgeEventStore>());
        Assert.Same(passed.GetRequiredService<ITgeWebhookOutbox>(), passed.GetServices<TgeSwarm.Runtime.Hosting.ISiloLifecycleParticipant>().OfType<PostgresTgeWebhookOutbox>().Single());
    }

    [Fact]
    public async Task Webhooks_bind_from_Tge_Webhooks_and_a_bad_one_fails_naming_the_setting()
    {
        var configuration = Configuration(new()
        {
            ["Tge:Webhooks:0:Url"] = "https://hooks.example.com/tge",
            ["Tge:Webhooks:0:Secret"] = "0123456789abcdef",
            ["Tge:Webhooks:0:Kinds:0"] = "Listing",
            ["Tge:Webhooks:1:Url"] = "https://hooks.example.com/other",
            ["Tge:Alerts:MaxAttempts"] = "3",
            ["Tge:Events:MergeWindow"] = "10.00:00:00",
        });
        await using var services = new ServiceCollection().AddLogging().AddTgeDetection(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TgeAlertOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Tge:Webhooks:1:Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.StartsWith("Tge:Webhooks:0", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromDays(10), services.GetRequiredService<IOptions<TgeEventOptions>>().Value.MergeWindow);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
