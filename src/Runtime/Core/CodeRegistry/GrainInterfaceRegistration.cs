using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.CodeRegistry;

/// <summary>A grain interface as the generator saw it: its grain type name and how to make a proxy.</summary>
public sealed record GrainInterfaceRegistration(Type InterfaceType, string GrainType, Func<GrainId, IGrainReferenceRuntime, GrainReference> CreateProxy);
