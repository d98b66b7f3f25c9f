using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Alerts;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

public sealed class TgeAlertOptionsValidatorTests
{
    [Fact]
    public void The_defaults_with_a_good_webhook_pass()
    {
        var options = new TgeAlertOptions { Webhooks = [new TgeWebhookOptions { Url = "https://hooks.example.com/tge", Secret = "0123456789abcdef" }] };

        Assert.True(new TgeAlertOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new TgeAlertOptions
        {
            QueueCapacity = 0,
            Lanes = 0,
            MaxAttempts = 0,
            InitialBackoff = TimeSpan.FromMinutes(5),
            AttemptTimeout = TimeSpan.Zero,
            Webhooks = [new TgeWebhookOptions { Url = "ftp://x", Secret = "short", MinConfidence = 2, Kinds = [TgeKind.None] }],
        };

        var failures = new TgeAlertOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var field in new[]
        {
            "Tge:Alerts:QueueCapacity", "Tge:Alerts:Lanes", "Tge:Alerts:MaxAttempts", "Tge:Alerts:InitialBackoff", "Tge:Alerts:AttemptTimeout",
            "Tge:Webhooks:0:Url", "Tge:Webhooks:0:Secret", "Tge:Webhooks:0:MinConfidence", "Tge:Webhooks:0:Kinds",
        })
        {
            Assert.Contains(failures, failure => failure.StartsWith(field, StringComparison.Ordinal));
        }

        Assert.Equal(9, failures.Count);
    }

    [Fact]
    public void The_outbox_lease_must_outlast_a_try_and_each_webhook_url_comes_once()
    {
        var options = new TgeAlertOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(10),
            LeaseDuration = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.Zero,
            Webhooks =
            [
                new TgeWebhookOptions { Url = "https://hooks.example.com/tge", Secret = "0123456789abcdef" },
                new TgeWebhookOptions { Url = "https://hooks.example.com/tge", Secret = "0123456789abcdef" },
            ],
        };

        var failures = new TgeAlertOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.StartsWith("Tge:Alerts:LeaseDuration must be longer than AttemptTimeout", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Tge:Alerts:PollInterval", failures[1], StringComparison.Ordinal);
        Assert.StartsWith("Tge:Webhooks:1:Url repeats", failures[2], StringComparison.Ordinal);
    }
}
