using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>Starts the configured sources once the silo is active (grain calls need an active silo).</summary>
internal sealed partial class TgeSourcesBootstrap(
    IOptions<TgeSourcesOptions> options, IGrainFactory grains, ILogger<TgeSourcesBootstrap> logger) : ISiloLifecycleParticipant
{
    public int Stage => SiloLifecycleStage.Active + 110;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        foreach (var source in options.Value.Sources)
        {
            await grains.GetGrain<ISourceGrain>(source.Id).StartAsync(source.ToSettings(), cancellationToken);
            Log.SourceStarted(logger, source.Id, source.Kind.ToString(), source.Url);
        }
    }

    // Sources are grains: they stop with their activations and come back by reminder wherever they are placed next.
    public Task OnStopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(TgeSourceEventIds.SourceBootstrapped, LogLevel.Information, "Started configured source {SourceId} ({Kind} at {Url})")]
        public static partial void SourceStarted(ILogger logger, string sourceId, string kind, string url);
    }
}
