using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Coordination.Hosting;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Market.History;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Silo.Market;
using TgeSwarm.Silo.Tge;
using TgeSwarm.Silo.Telemetry;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Configuration;

internal static class SwarmHostExtensions
{
    public const string MembershipSectionName = "Membership";

    /// <summary>
    /// Makes the host a silo as the <c>Swarm</c> section says. The section is read here, while the host is composed,
    /// because it decides which providers are registered at all; it is validated on the spot for the same reason,
    /// so a bad setting stops the process before anything listens.
    /// </summary>
    public static SwarmHostOptions UseConfiguredSwarmSilo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SwarmHostOptions.SectionName);
        var options = section.Get<SwarmHostOptions>() ?? new SwarmHostOptions();
        var validation = new SwarmHostOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SwarmHostOptions), validation.Failures);
        }

        // A graceful stop deactivates every activation (writing its state) and hands queued calls over; the host's
        // default of 30 s is short for that on a loaded machine, and a stop cut short loses what it had not handed
        // over. An operator's own shutdownTimeoutSeconds still wins.
        if (builder.Configuration["shutdownTimeoutSeconds"] is null)
        {
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));
        }

        var tracing = TelemetryHostExtensions.Read(builder.Configuration).Otlp.Endpoint is not null;
        builder.UseSwarmSilo(silo =>
        {
            if (tracing)
            {
                // First, so the call spans enclose every other filter's work.
                silo.AddActivityPropagation();
            }

            if (options.IsClusterMember)
            {
                silo.UsePostgresClustering(options.Postgres!);
                silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, options.Postgres!);
                silo.UsePostgresReminderService(options.Postgres!);
                silo.AddMarketHistory(history => history.ConnectionString = options.Postgres!, builder.Configuration);
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort);
                silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
                silo.UseInMemoryReminderService();
            }

            // The market pipeline's stages hand batches over on memory streams: a stage's events are rebuilt from
            // the venues after a loss, so they need no durable queue, and memory streams are an order faster.
            silo.AddMemoryStreams(MarketStreamNames.Provider);

            // TGE items are few and a lost one is a missed alert: in a cluster they travel on durable queues that a
            // surviving silo resumes; the embedded default has no database and keeps them in memory.
            if (options.IsClusterMember)
            {
                silo.AddPostgresStreams(TgeStreamNames.Provider, options.Postgres!);
            }
            else
            {
                silo.AddMemoryStreams(TgeStreamNames.Provider);
            }

            silo.AddMarketPipeline(builder.Configuration);
            var replay = builder.Configuration.GetSection(MarketReplayOptions.SectionName).Get<MarketReplayOptions>() ?? new MarketReplayOptions();
            if (replay.Enabled ?? !options.IsClusterMember)
            {
                silo.Services.Configure<MarketReplayOptions>(builder.Configuration.GetSection(MarketReplayOptions.SectionName));
                silo.Services.AddSingleton<ISiloLifecycleParticipant, MarketReplayHost>();

                // The recordings are months to years old and a loop shifts their times by whole passes, not to now:
                // the clock checks would reject every replayed event. An operator's explicit setting still wins.
                var validation = builder.Configuration.GetSection("Market:Validation");
                silo.Services.PostConfigure<MarketValidationOptions>(o =>
                {
                    o.MaxAge = validation["MaxAge"] is null ? null : o.MaxAge;
                    o.MaxClockSkew = validation["MaxClockSkew"] is null ? null : o.MaxClockSkew;
                });
            }

            // The TGE pipeline: sources and their host guards, then keyword stage, event records and alerts.
            silo.Services.AddTgeSources(builder.Configuration);
            silo.Services.AddTgeDetection(builder.Configuration, options.IsClusterMember ? options.Postgres : null);
            var localSources = builder.Configuration.GetSection(TgeLocalSourcesOptions.SectionName).Get<TgeLocalSourcesOptions>() ?? new TgeLocalSourcesOptions();
            if (localSources.Enabled ?? !options.IsClusterMember)
            {
                silo.Services.AddOptions<TgeLocalSourcesOptions>().Bind(builder.Configuration.GetSection(TgeLocalSourcesOptions.SectionName)).ValidateOnStart();
                silo.Services.AddSingleton<IValidateOptions<TgeLocalSourcesOptions>, TgeLocalSourcesOptionsValidator>();
                silo.Services.AddSingleton<ISiloLifecycleParticipant, TgeLocalSourcesHost>();
            }

            // After the clustering call, so these settings win over its defaults.
            silo.Configure<SiloOptions>(siloOptions => Apply(options, siloOptions));
            silo.Configure<ClusterOptions>(cluster => Apply(options, cluster));

            // The runtime's own options, names and validation: Swarm:Membership:ProbeTimeout=00:00:01 and so on.
            silo.Services.Configure<ClusterMembershipOptions>(section.GetSection(MembershipSectionName));
            if (options.ClusterSecret is not null)
            {
                silo.Configure<ConnectionOptions>(connection => connection.ClusterSecret = options.ClusterSecret);
            }

            // The host never names a grain class, so the entry assembly's references do not reach the grains.
            silo.AddGrainAssembly(typeof(CoordinationServiceCollectionExtensions).Assembly);
        });
        return options;
    }

    private static void Apply(SwarmHostOptions options, SiloOptions silo)
    {
        if (options.SiloName is not null)
        {
            silo.SiloName = options.SiloName;
        }

        silo.SiloPort = options.SiloPort;
        silo.AdvertisedAddress = options.AdvertisedAddress;
    }

    private static void Apply(SwarmHostOptions options, ClusterOptions cluster)
    {
        if (options.ClusterId is not null)
        {
            cluster.ClusterId = options.ClusterId;
        }

        if (options.ServiceId is not null)
        {
            cluster.ServiceId = options.ServiceId;
        }
    }
}
