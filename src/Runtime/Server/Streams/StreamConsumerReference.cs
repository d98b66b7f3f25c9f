using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// A reference to a consumer grain by id alone: stream deliveries are runtime requests, so no generated proxy (and
/// no knowledge of the consumer's interfaces) is needed to send them.
/// </summary>
internal sealed class StreamConsumerReference(GrainId grainId, IGrainReferenceRuntime runtime) : GrainReference(grainId, runtime)
{
    public override Type InterfaceType => typeof(IAddressable);
}
