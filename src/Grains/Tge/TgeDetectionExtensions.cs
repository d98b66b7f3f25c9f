using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Tge.Alerts;
using TgeSwarm.Grains.Tge.Classification;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Grains.Tge.Keywords;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Tge;

/// <summary>Adds the TGE pipeline's keyword stage, event grains and alerts to a silo's services.</summary>
public static class TgeDetectionExtensions
{
    /// <summary>
    /// Registers the classifier (<c>Tge:Classifier</c>), the keyword stage, the event grains' options
    /// (<c>Tge:Events</c>) and store, and the webhook alerts (<c>Tge:Alerts</c>, <c>Tge:Webhooks</c>), each validated at
    /// start-up with the failing setting named. Records and the webhook outbox go to PostgreSQL (<c>tge_events</c>,
    /// <c>tge_webhook_outbox</c>, applied by the runtime's migrations) when <paramref name="postgresConnectionString"/>
    /// or <c>Tge:Events:ConnectionString</c> is set, else to memory. The grains talk over the stream provider <c>tge</c>, which the host adds, and need the grain
    /// storage <c>Default</c> and this assembly's grains (<c>AddGrainAssembly</c>).
    /// </summary>
    public static IServiceCollection AddTgeDetection(this IServiceCollection services, IConfiguration? configuration = null, string? postgresConnectionString = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TgeDetectionInstruments>();

        Bind<TgeClassifierOptions>(services, configuration, TgeClassifierOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TgeClassifierOptions>, TgeClassifierOptionsValidator>());
        services.TryAddSingleton(static sp => TgeClassifier.Create(sp.GetRequiredService<IOptions<TgeClassifierOptions>>().Value));
        services.TryAddSingleton<TgeKeywordStage>();

        Bind<TgeEventOptions>(services, configuration, TgeEventOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TgeEventOptions>, TgeEventOptionsValidator>());
        var connectionString = postgresConnectionString ?? configuration?.GetSection(TgeEventOptions.SectionName)[nameof(TgeEventOptions.ConnectionString)];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<ITgeEventStore, InMemoryTgeEventStore>();
        }
        else
        {
            services.TryAddSingleton<ITgeEventStore>(sp => new PostgresTgeEventStore(connectionString, sp.GetRequiredService<ILoggerFactory>()));
        }

        var alerts = Bind<TgeAlertOptions>(services, configuration, TgeAlertOptions.SectionName);
        if (configuration is not null)
        {
            alerts.Configure(options => configuration.GetSection(TgeAlertOptions.WebhooksSectionName).Bind(options.Webhooks));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TgeAlertOptions>, TgeAlertOptionsValidator>());
        services.AddHttpClient(TgeWebhookDispatcher.HttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A signed alert is for the configured URL only: a redirect is refused, not followed.
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });
        if (!services.Any(static d => d.ServiceType == typeof(ITgeWebhookOutbox)))
        {
            // The same switch as the event store: with a database, notices wait in tge_webhook_outbox, which every
            // silo delivers from and which outlives any of them; without one, in this silo's memory.
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                services.AddSingleton<TgeWebhookDispatcher>();
                services.AddSingleton<ITgeWebhookOutbox>(static sp => sp.GetRequiredService<TgeWebhookDispatcher>());
                services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<TgeWebhookDispatcher>());
            }
            else
            {
                services.AddSingleton(sp => new PostgresTgeWebhookOutbox(
                    connectionString, sp.GetRequiredService<IOptions<TgeAlertOptions>>(), sp.GetRequiredService<IHttpClientFactory>(),
                    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TgeDetectionInstruments>(), sp.GetRequiredService<ILoggerFactory>()));
                services.AddSingleton<ITgeWebhookOutbox>(static sp => sp.GetRequiredService<PostgresTgeWebhookOutbox>());
                services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<PostgresTgeWebhookOutbox>());
            }
        }

        return services;
    }

    private static OptionsBuilder<TOptions> Bind<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(section));
        }

        return builder;
    }
}
