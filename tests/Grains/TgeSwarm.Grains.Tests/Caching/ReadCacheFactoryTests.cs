using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ReadCacheFactoryTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IReadCacheFactory _factory;
    private readonly FakeTimeProvider _time = new();

    public ReadCacheFactoryTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddReadCaches(o => o.Capacity = 3);
        services.Configure<ReadCacheOptions>("arc", o => o.Policy = ReadCachePolicy.Arc);
        services.Configure<ReadCacheOptions>("broken", o => o.Capacity = 0);
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IReadCacheFactory>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_name_gets_one_cache_configured_by_its_named_options()
    {
        var features = _factory.GetOrCreate<string, int>("features");
        var arc = _factory.GetOrCreate<string, int>("arc");

        Assert.Same(features, _factory.GetOrCreate<string, int>("features"));
        Assert.Equal(ReadCachePolicy.Lru, features.Policy);
        Assert.Equal(3, features.Capacity);
        Assert.Equal(ReadCachePolicy.Arc, arc.Policy);
        Assert.Equal(3, arc.Capacity);
    }

    [Fact]
    public void A_name_used_with_other_types_is_refused()
    {
        _factory.GetOrCreate<string, int>("features");

        var error = Assert.Throws<InvalidOperationException>(() => _factory.GetOrCreate<string, string>("features"));
        Assert.Contains("'features'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_fail_when_the_cache_is_created()
    {
        var error = Assert.Throws<OptionsValidationException>(() => _factory.GetOrCreate<string, int>("broken"));
        Assert.Contains("ReadCacheOptions 'broken'.Capacity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hits_misses_evictions_and_entries_are_measured_per_cache_and_policy()
    {
        var measurements = new ConcurrentDictionary<string, long>();
        var meter = _services.GetRequiredService<IMeterFactory>().Create(ReadCacheDiagnostics.MeterName);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.AddOrUpdate(Key(instrument, tags), value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements[Key(instrument, tags)] = value);
        listener.Start();

        var lru = _factory.GetOrCreate<string, int>("features");
        var arc = _factory.GetOrCreate<string, int>("arc");
        lru.TryGet("a", out _);
        lru.Set("a", 1);
        lru.TryGet("a", out _);
        foreach (var key in new[] { "b", "c", "d", "e" })
        {
            lru.Set(key, 0);
        }

        arc.Set("x", 1);
        arc.TryGet("x", out _);
        listener.RecordObservableInstruments();

        Assert.Equal(1, measurements["swarm.read_cache.hits|features|lru"]);
        Assert.Equal(1, measurements["swarm.read_cache.misses|features|lru"]);
        Assert.Equal(2, measurements["swarm.read_cache.evictions|features|lru"]);
        Assert.Equal(3, measurements["swarm.read_cache.entries|features|lru"]);
        Assert.Equal(1, measurements["swarm.read_cache.hits|arc|arc"]);
        Assert.Equal(1, measurements["swarm.read_cache.entries|arc|arc"]);
        Assert.False(measurements.ContainsKey("swarm.read_cache.misses|arc|arc"));
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? cache = null;
        string? policy = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "cache")
            {
                cache = tag.Value as string;
            }
            else if (tag.Key == "policy")
            {
                policy = tag.Value as string;
            }
        }

        return $"{instrument.Name}|{cache}|{policy}";
    }
}
