using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// Makes grain references from generated proxy factories. The grain type of a reference comes from its
/// interface (see <see cref="GrainInterfaceRegistration.GrainType"/>), so a client needs no grain classes.
/// </summary>
internal sealed class GrainFactory(SwarmCodeRegistry registry, IGrainReferenceRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(id => GrainId.Create(id, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(id => GrainId.Create(id, primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(id => GrainId.Create(id, primaryKey));

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension)
        where TGrainInterface : IGrainWithGuidCompoundKey
    {
        ValidateExtension(keyExtension);
        return Create<TGrainInterface>(id => GrainId.Create(id, primaryKey, keyExtension));
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension)
        where TGrainInterface : IGrainWithIntegerCompoundKey
    {
        ValidateExtension(keyExtension);
        return Create<TGrainInterface>(id => GrainId.Create(id, primaryKey, keyExtension));
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
    {
        var registration = Lookup(typeof(TGrainInterface));
        return (TGrainInterface)(object)registration.CreateProxy(grainId, runtime);
    }

    /// <summary>A reference by interface type, for codecs and the runtime.</summary>
    public object GetGrain(Type interfaceType, GrainId grainId) => Lookup(interfaceType).CreateProxy(grainId, runtime);

    private TGrainInterface Create<TGrainInterface>(Func<string, GrainId> makeId)
    {
        var registration = Lookup(typeof(TGrainInterface));
        return (TGrainInterface)(object)registration.CreateProxy(makeId(registration.GrainType), runtime);
    }

    private GrainInterfaceRegistration Lookup(Type interfaceType) =>
        registry.TryGetInterface(interfaceType, out var registration)
            ? registration
            : throw new ArgumentException(
                $"{interfaceType.FullName} is not a known grain interface. Reference TgeSwarm.Runtime.CodeGen as an analyzer from the project that declares it, and make sure that assembly is referenced by the host.",
                nameof(interfaceType));

    private static void ValidateExtension(string keyExtension)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyExtension);
        if (keyExtension.Contains('+', StringComparison.Ordinal))
        {
            throw new ArgumentException("A key extension may not contain '+'.", nameof(keyExtension));
        }
    }
}
