using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Streams;

[assembly: SwarmGeneratedCode(typeof(StreamCodeRegistration))]

namespace TgeSwarm.Runtime.Streams;

/// <summary>Registers the runtime's hand-written stream delivery request, so a silo can read one sent by another.</summary>
internal sealed class StreamCodeRegistration : ISwarmCodeRegistration
{
    public void Register(SwarmCodeRegistry registry) =>
        registry.AddRequest(StreamDeliveryRequest.Id, "stream.Deliver", static () => new StreamDeliveryRequest());
}
