using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Coordination.Hosting;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>How the coordination tests build their silos (market pipeline, TGE sources, coordination) (as the host wires them) and the replay exchange the shards read.</summary>
internal static class CoordinationClusters
{
    /// <summary>
    /// A cluster of <paramref name="silos"/> with the market pipeline and coordination. Reconciliation runs only when a
    /// test asks (the interval is a day) unless <paramref name="settings"/> says otherwise; storage is memory unless
    /// <paramref name="postgres"/> gives a connection string or <paramref name="storage"/> a provider; <paramref name="time"/>
    /// puts the silos on a fake clock.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        int silos = 1,
        Dictionary<string, string?>? settings = null,
        string? postgres = null,
        FakeTimeProvider? time = null,
        string? serviceId = null,
        IGrainStorage? storage = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Market:Console:Period"] = "00:00:00",
            ["Coordination:Queen:ReconcileInterval"] = "1.00:00:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = new TestClusterBuilder(silos);
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.ConfigureSilo(silo =>
        {
            if (time is not null)
            {
                silo.Services.AddSingleton<TimeProvider>(time);

                // Calls must not time out on a clock the test moves by minutes.
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            }

            if (storage is not null)
            {
                silo.Services.AddKeyedSingleton(PersistentStateAttribute.DefaultStorageName, storage);
            }
            else if (postgres is null)
            {
                silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            }
            else
            {
                silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, postgres);
            }

            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(MarketStreamNames.Provider);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.AddMarketPipeline(configuration);
            silo.Services.AddTgeSources(configuration);
            silo.Services.AddCoordination(configuration);
            silo.Configure<Grains.Market.Validation.MarketValidationOptions>(o =>
            {
                o.MaxAge = null;
                o.MaxClockSkew = null;
            });
            silo.AddGrainAssembly(typeof(MarketSiloExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The replay exchange serving Bybit and Kraken (WS v1) on 127.0.0.1, looped as fast as the shards read.</summary>
    public static async Task<ReplayExchange> StartExchangeAsync()
    {
        var options = new ReplayExchangeOptions { Speed = ReplayExchangeOptions.AsFastAsPossible, Loop = true };
        options.Venues.Add(Venue.Bybit);
        options.Venues.Add(Venue.KrakenV1);
        return await ReplayExchange.StartAsync(options);
    }

    /// <summary>A Bybit linear shard's settings as queen configuration JSON.</summary>
    public static string BybitLinear(ReplayExchange exchange, params string[] instruments) =>
        $$"""{"venue":"bybit","webSocketUrl":"{{exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/linear")}}","instruments":[{{string.Join(",", (instruments.Length == 0 ? ["BTC-USDT-PERP"] : instruments).Select(static i => $"\"{i}\""))}}],"bookDepth":200}""";

    /// <summary>The ten recorded Kraken pairs (trades only) as a group template.</summary>
    public static string KrakenTrades(ReplayExchange exchange) =>
        $$"""{"venue":"kraken","webSocketUrl":"{{exchange.Endpoint(Venue.KrakenV1).WebSocketUrl("/")}}","instruments":[{{string.Join(",", KrakenPairs.Select(static i => $"\"{i}\""))}}],"books":false}""";

    public static readonly string[] KrakenPairs = ["KSM-BTC", "XMR-USD", "ETH-CHF", "OMG-USD", "GRT-ETH", "WAVES-EUR", "ADA-BTC", "BTC-CHF", "SC-EUR", "OCEAN-BTC"];

    /// <summary>A ws:// address on 127.0.0.1 where nothing listens: connections are refused at once.</summary>
    public static string RefusingUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"ws://127.0.0.1:{port}/v5/public/linear";
    }
}
