using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>Makes proxies from the registry and keeps the requests they send, instead of delivering them.</summary>
internal sealed class RecordingReferenceRuntime(SwarmCodeRegistry registry) : IGrainReferenceRuntime
{
    public List<GrainRequest> Sent { get; } = [];

    public void SendRequest(GrainReference target, GrainRequest request) => Sent.Add(request);

    public object CreateReference(Type interfaceType, GrainId grainId) =>
        registry.TryGetInterface(interfaceType, out var registration)
            ? registration.CreateProxy(grainId, this)
            : throw new InvalidOperationException($"{interfaceType} is not registered.");

    public T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        registry.TryGetInterface(typeof(T), out var registration);
        return (T)CreateReference(typeof(T), GrainId.Create(registration.GrainType, key));
    }
}
