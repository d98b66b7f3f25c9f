using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Tge.Performance;
using TgeSwarm.Grains.Tge.Reliability;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources.Hosting;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>The options as <c>AddTgeSources</c> binds them from configuration, checked the way the silo checks them at start-up.</summary>
public sealed class TgeSourcesOptionsValidatorTests
{
    private static ServiceProvider Services(Dictionary<string, string?> values) =>
        new ServiceCollection().AddTgeSources(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();

    [Fact]
    public void A_configured_source_list_binds_with_its_defaults()
    {
        using var services = Services(new()
        {
            ["Tge:Sources:0:Id"] = "binance-new-listings",
            ["Tge:Sources:0:Url"] = "https://www.binance.com/bapi/composite/v1/public/cms/article/list/query?type=1&catalogId=48",
            ["Tge:Sources:0:Kind"] = "BinanceCms",
            ["Tge:Sources:1:Id"] = "okx",
            ["Tge:Sources:1:Url"] = "https://www.okx.com/api/v5/support/announcements?annType=announcements-new-listings",
            ["Tge:Sources:1:Kind"] = "Okx",
            ["Tge:Sources:1:MinInterval"] = "00:00:05",
            ["Tge:Sources:1:Headers:Accept-Language"] = "en-US",
            ["Tge:Hosts:PerHost:www.binance.com:MinSpacing"] = "00:00:02",
        });

        var sources = services.GetRequiredService<IOptions<TgeSourcesOptions>>().Value.Sources;
        var hosts = services.GetRequiredService<IOptions<HostGuardOptions>>().Value;

        Assert.Equal(["binance-new-listings", "okx"], sources.Select(s => s.Id));
        Assert.Equal(TimeSpan.FromSeconds(30), sources[0].MinInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), sources[0].MaxInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), sources[1].MinInterval);
        Assert.Equal("en-US", sources[1].ToSettings().Headers!["Accept-Language"]);
        Assert.Equal(TimeSpan.FromSeconds(2), hosts.Resolve("www.binance.com").MinSpacing);
        Assert.Equal(TimeSpan.FromSeconds(2), hosts.Resolve("www.binance.com:8443").MinSpacing);
        Assert.Equal(TimeSpan.FromMilliseconds(200), hosts.Resolve("www.okx.com").MinSpacing);
    }

    [Fact]
    public void Every_bad_source_is_reported_with_its_index_and_field()
    {
        using var services = Services(new()
        {
            ["Tge:Sources:0:Id"] = "dup",
            ["Tge:Sources:0:Url"] = "https://example.org/rss",
            ["Tge:Sources:1:Id"] = "dup",
            ["Tge:Sources:1:Url"] = "https://example.org/rss2",
            ["Tge:Sources:2:Id"] = "bad id!",
            ["Tge:Sources:2:Url"] = "https://example.org/rss3",
            ["Tge:Sources:3:Id"] = "headers",
            ["Tge:Sources:3:Url"] = "https://example.org/rss4",
            ["Tge:Sources:3:Headers:If-None-Match"] = "x",
            ["Tge:Sources:4:Id"] = "fast",
            ["Tge:Sources:4:Url"] = "https://example.org/rss5",
            ["Tge:Sources:4:MinInterval"] = "00:00:00.010",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TgeSourcesOptions>>().Value);

        Assert.Equal(
            [
                "Tge:Sources:1:Id 'dup' is configured twice.",
                "Tge:Sources:2 (bad id!): Source id 'bad id!' must be 1-100 letters, digits, '-', '_' or '.'. (Parameter 'sourceId')",
                "Tge:Sources:3 (headers): Headers: 'If-None-Match' is set by the fetch itself and cannot be configured. (Parameter 'settings')",
                "Tge:Sources:4 (fast): MinInterval 00:00:00.0100000 must be between 00:00:00.1000000 and 1.00:00:00. (Parameter 'settings')",
            ],
            error.Failures);
    }

    [Fact]
    public void Host_policies_outside_their_bounds_are_reported_with_the_host_and_field()
    {
        using var services = Services(new()
        {
            ["Tge:Hosts:MaxConcurrency"] = "0",
            ["Tge:Hosts:PerHost:api.bybit.com:BreakDuration"] = "00:00:00.100",
            ["Tge:Hosts:PerHost:api.bybit.com:FetchBudget"] = "00:01:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HostGuardOptions>>().Value);

        Assert.Contains("Tge:Hosts:MaxConcurrency must be between 1 and 64 (got 0).", error.Failures);
        Assert.Contains(
            "Tge:Hosts:PerHost:api.bybit.com:FetchBudget must be at least AttemptTimeout and at most 28 s (the grain call times out at 30 s) (got 00:01:00).",
            error.Failures);
        Assert.Contains("Tge:Hosts:PerHost:api.bybit.com:BreakDuration must be at least 500 ms (got 00:00:00.1000000).", error.Failures);
    }

    [Fact]
    public void Polling_options_outside_their_bounds_are_reported()
    {
        using var services = Services(new() { ["Tge:Polling:RememberedItems"] = "10" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcePollingOptions>>().Value);

        Assert.Equal(["Tge:Polling:RememberedItems must be between 100 and 1000000 (got 10)."], error.Failures);
    }

    [Fact]
    public void The_finding_lifetime_and_read_bound_outside_their_bounds_are_reported_and_default_to_a_day_and_5_s()
    {
        using var defaults = Services([]);
        Assert.Equal(TimeSpan.FromDays(1), defaults.GetRequiredService<IOptions<PerformanceOptions>>().Value.FindingTtl);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.GetRequiredService<IOptions<SourcePollingOptions>>().Value.FindingReadTimeout);

        using var services = Services(new() { ["Tge:Performance:FindingTtl"] = "00:00:30", ["Tge:Polling:FindingReadTimeout"] = "00:05:00" });

        var performance = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PerformanceOptions>>().Value);
        var polling = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourcePollingOptions>>().Value);

        Assert.Equal(["Tge:Performance:FindingTtl must be between 1 min and 365 days (got 00:00:30)."], performance.Failures);
        Assert.Equal(["Tge:Polling:FindingReadTimeout must be between 100 ms and 1 min (got 00:05:00)."], polling.Failures);
    }
}
