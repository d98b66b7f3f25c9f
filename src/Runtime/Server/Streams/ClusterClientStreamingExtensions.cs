using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Runtime;

public static class ClusterClientStreamingExtensions
{
    /// <summary>
    /// The stream provider <paramref name="name"/> for code running in a silo's process outside grains (the REST
    /// API, hosted services): it can produce; subscribing needs a grain. An external client (<c>UseSwarmClient</c>)
    /// cannot use streams yet: produce through a grain.
    /// </summary>
    public static IStreamProvider GetStreamProvider(this IClusterClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var registry = client.ServiceProvider.GetService<Streams.StreamProviderRegistry>()
            ?? throw new NotSupportedException(
                "Streams are available to grains and to code hosted in a silo; this client is external. Produce through a grain instead.");
        return registry.GetProvider(name, activation: null);
    }
}
