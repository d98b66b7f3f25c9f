using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Streams;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>The activation's side of streaming: the handlers its grain attached, and providers acting for it.</summary>
internal sealed partial class ActivationData
{
    private StreamConsumers? _streamConsumers;

    /// <summary>Created on first use, so grains that never touch streams pay nothing.</summary>
    internal StreamConsumers StreamConsumers => _streamConsumers ??= new StreamConsumers(GrainId, Streaming.Runtime.Instruments, Streaming.Runtime.Logger);

    private StreamProviderRegistry Streaming => _shared.Services.GetRequiredService<StreamProviderRegistry>();

    public IStreamProvider GetStreamProvider(string name) => Streaming.GetProvider(name, this);
}
