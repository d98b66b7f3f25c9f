using System.Reflection;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.CodeRegistry;

/// <summary>
/// Everything the generator produced for the application, gathered once at start-up from the assemblies that
/// carry <see cref="SwarmGeneratedCodeAttribute"/>: codec factories by type and by alias, grain interfaces with
/// their proxy factories, request factories by method id, and grain classes. Conflicts (two interfaces with one
/// grain type, two methods with one id, one alias for two types) fail start-up with both names.
/// </summary>
public sealed class SwarmCodeRegistry
{
    private readonly Dictionary<Type, Func<CodecProvider, object>> _codecs = [];
    private readonly Dictionary<string, Type> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _aliasesByType = [];
    private readonly Dictionary<Type, GrainInterfaceRegistration> _interfaces = [];
    private readonly Dictionary<string, GrainInterfaceRegistration> _interfacesByGrainType = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, (string Name, Func<GrainRequest> Create)> _requests = [];
    private readonly HashSet<Type> _grainClasses = [];
    private readonly HashSet<Assembly> _assemblies = [];

    public IReadOnlyCollection<Type> GrainClasses => _grainClasses;

    public IReadOnlyCollection<GrainInterfaceRegistration> GrainInterfaces => _interfaces.Values;

    /// <summary>Registers a codec for <typeparamref name="T"/>; <paramref name="alias"/> names it on the wire when the declared type differs.</summary>
    public void AddSerializer<T>(Func<CodecProvider, IFieldCodec<T>> factory, string alias)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(alias);
        _codecs[typeof(T)] = factory;
        AddAlias(alias, typeof(T));
    }

    public void AddGrainInterface<TInterface>(string grainType, Func<GrainId, IGrainReferenceRuntime, GrainReference> createProxy)
        where TInterface : IAddressable
    {
        var registration = new GrainInterfaceRegistration(typeof(TInterface), grainType, createProxy);
        if (_interfacesByGrainType.TryGetValue(grainType, out var existing) && existing.InterfaceType != typeof(TInterface))
        {
            throw new InvalidOperationException(
                $"Grain interfaces {existing.InterfaceType.FullName} and {typeof(TInterface).FullName} both map to grain type '{grainType}'. Give one an [Alias].");
        }

        _interfaces[typeof(TInterface)] = registration;
        _interfacesByGrainType[grainType] = registration;
    }

    public void AddRequest(uint methodId, string methodName, Func<GrainRequest> create)
    {
        if (_requests.TryGetValue(methodId, out var existing) && !string.Equals(existing.Name, methodName, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Grain methods {existing.Name} and {methodName} have the same method id {methodId:X8}. Give one an [Alias].");
        }

        _requests[methodId] = (methodName, create);
    }

    public void AddGrainClass(Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        _grainClasses.Add(grainClass);
    }

    /// <summary>Adds the generated registrations of <paramref name="assembly"/>, once.</summary>
    public SwarmCodeRegistry AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Add(assembly))
        {
            return this;
        }

        foreach (var attribute in assembly.GetCustomAttributes<SwarmGeneratedCodeAttribute>())
        {
            var registration = (ISwarmCodeRegistration)Activator.CreateInstance(attribute.RegistrationType)!;
            registration.Register(this);
        }

        return this;
    }

    /// <summary>
    /// Adds every assembly reachable by references from <paramref name="root"/> that carries generated code.
    /// Assemblies of the framework are skipped by name so start-up stays quick.
    /// </summary>
    public SwarmCodeRegistry AddReferenceClosure(Assembly root)
    {
        var pending = new Stack<Assembly>([root, typeof(SwarmCodeRegistry).Assembly]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.FullName!))
            {
                continue;
            }

            AddAssembly(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkAssembly(reference.Name) || seen.Contains(reference.FullName))
                {
                    continue;
                }

                pending.Push(Assembly.Load(reference));
            }
        }

        return this;
    }

    internal bool TryGetCodecFactory(Type type, out Func<CodecProvider, object> factory) => _codecs.TryGetValue(type, out factory!);

    internal bool TryGetTypeByAlias(string alias, out Type type) => _aliases.TryGetValue(alias, out type!);

    internal bool TryGetAlias(Type type, out string alias) => _aliasesByType.TryGetValue(type, out alias!);

    internal bool TryGetInterface(Type interfaceType, out GrainInterfaceRegistration registration) =>
        _interfaces.TryGetValue(interfaceType, out registration!);

    internal bool TryGetInterface(string grainType, out GrainInterfaceRegistration registration) =>
        _interfacesByGrainType.TryGetValue(grainType, out registration!);

    internal bool TryCreateRequest(uint methodId, out GrainRequest request)
    {
        if (_requests.TryGetValue(methodId, out var entry))
        {
            request = entry.Create();
            return true;
        }

        request = null!;
        return false;
    }

    private void AddAlias(string alias, Type type)
    {
        if (_aliases.TryGetValue(alias, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Types {existing.FullName} and {type.FullName} share the wire alias '{alias}'.");
        }

        _aliases[alias] = type;
        _aliasesByType[type] = alias;
    }

    private static bool IsFrameworkAssembly(string? name) =>
        name is null
        || name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name.StartsWith("xunit", StringComparison.Ordinal)
        || name is "mscorlib" or "netstandard" or "Npgsql";
}
