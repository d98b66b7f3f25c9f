using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>The silo-wide services every activation uses, gathered so an activation holds one reference, not ten.</summary>
internal sealed class ActivationServices(
    IServiceProvider services,
    CodecProvider codecs,
    LocalSiloDetails silo,
    TimeProvider timeProvider,
    Scheduling.CallClock clock,
    SiloInstruments instruments,
    IEnumerable<IIncomingGrainCallFilter> incomingFilters,
    IOptions<SiloMessagingOptions> messagingOptions,
    IOptions<GrainCollectionOptions> collectionOptions,
    Directory.GrainDirectory directory,
    ILoggerFactory loggerFactory)
{
    public Directory.GrainDirectory Directory { get; } = directory;

    public IServiceProvider Services => services;

    // Resolved on first use: the grain factory sends through the runtime client, which needs the catalog, which needs this.
    public IGrainFactory GrainFactory => field ??= services.GetRequiredService<IGrainFactory>();

    public CodecProvider Codecs { get; } = codecs;

    public LocalSiloDetails Silo { get; } = silo;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The call path's timestamps: deadlines, turn starts, last activity (see <see cref="Scheduling.CallClock"/>).</summary>
    public Scheduling.CallClock Clock { get; } = clock;

    public SiloInstruments Instruments { get; } = instruments;

    public IIncomingGrainCallFilter[] IncomingFilters { get; } = [.. incomingFilters];

    public SiloMessagingOptions Messaging { get; } = messagingOptions.Value;

    public GrainCollectionOptions Collection { get; } = collectionOptions.Value;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("TgeSwarm.Runtime.Activation");
}
