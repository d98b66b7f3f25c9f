using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// Breaks the construction cycle codec provider → runtime client → codec provider: codecs only need the runtime
/// when they read a grain reference, long after both exist.
/// </summary>
internal sealed class DeferredReferenceRuntime(IServiceProvider services) : IGrainReferenceRuntime
{
    private SiloRuntimeClient Runtime => services.GetRequiredService<SiloRuntimeClient>();

    public void SendRequest(GrainReference target, GrainRequest request) => Runtime.SendRequest(target, request);

    public object CreateReference(Type interfaceType, GrainId grainId) => Runtime.CreateReference(interfaceType, grainId);
}
