using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Tests.Serialization;

internal static class TestSerializers
{
    public static SwarmCodeRegistry Registry() => new SwarmCodeRegistry().AddAssembly(typeof(TestSerializers).Assembly);

    public static SwarmSerializer Create(IGrainReferenceRuntime? references = null) => new(new CodecProvider(Registry(), references));

    public static T RoundTrip<T>(this SwarmSerializer serializer, T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value));
}
