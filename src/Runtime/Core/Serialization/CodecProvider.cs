using System.Collections.Concurrent;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Hands out one codec per type for one runtime (silo, client or test): generated codecs from the
/// <see cref="SwarmCodeRegistry"/>, built-in codecs for framework types. Each codec is built once and cached here;
/// generated codecs resolve their member codecs once, lazily, so the per-value path never looks a type up. Closed
/// generic codecs (<c>List&lt;Trade&gt;</c>) are made by reflection the first time a type is asked for, then cached.
/// </summary>
public sealed partial class CodecProvider
{
    private readonly SwarmCodeRegistry _registry;
    // Keyed by type handle rather than Type: a value-type key hashes and compares without virtual calls.
    private readonly ConcurrentDictionary<nint, IFieldCodec> _codecs = new();
    private readonly TypeHandleTable _typedCodecs = new();
    private readonly ConcurrentDictionary<string, Type> _aliasTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _typeAliases = new();

    public CodecProvider(SwarmCodeRegistry registry, IGrainReferenceRuntime? references = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        References = references;
    }

    /// <summary>Makes proxies for grain references read off the wire; null where no runtime is attached.</summary>
    public IGrainReferenceRuntime? References { get; }

    /// <remarks>
    /// Called for every serialized message, so it is a probe of <see cref="TypeHandleTable"/> and a cast to a sealed
    /// class (a method-table compare), where a dictionary lookup and a cast to the generic interface cost a third of
    /// serializing a small record.
    /// </remarks>
    public IFieldCodec<T> GetCodec<T>()
    {
        var key = typeof(T).TypeHandle.Value;
        return _typedCodecs.Find(key) is { } typed ? ((TypedCodec<T>)typed).Codec : AddTyped<T>(key);
    }

    /// <summary>The codec for <paramref name="type"/>, an <see cref="IFieldCodec{T}"/> of that type.</summary>
    public IFieldCodec GetCodec(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var key = type.TypeHandle.Value;
        return _codecs.TryGetValue(key, out var codec) ? codec : _codecs.GetOrAdd(key, Create(type));
    }

    private IFieldCodec<T> AddTyped<T>(nint key)
    {
        var codec = (IFieldCodec<T>)GetCodec(typeof(T));
        _typedCodecs.TryAdd(key, new TypedCodec<T>(codec));
        return codec;
    }

    private IFieldCodec Create(Type type)
    {
        var exact = CreateExact(type);
        if (!NeedsPolymorphism(type))
        {
            return exact ?? throw NotFound(type);
        }

        if (exact is null && !type.IsAbstract && !type.IsInterface)
        {
            throw NotFound(type);
        }

        return Generic(typeof(PolymorphicCodec<>), [type], exact);
    }

    private IFieldCodec? CreateExact(Type type)
    {
        if (_registry.TryGetCodecFactory(type, out var factory))
        {
            return (IFieldCodec)factory(this);
        }

        if (BuiltInCodecs.TryGet(type, out var builtIn))
        {
            return builtIn;
        }

        if (type == typeof(object))
        {
            return new ObjectCodec(this);
        }

        if (type.IsEnum)
        {
            return (IFieldCodec)Activator.CreateInstance(typeof(EnumCodec<>).MakeGenericType(type))!;
        }

        if (type.IsSZArray)
        {
            return Generic(typeof(ArrayCodec<>), [type.GetElementType()!]);
        }

        if (typeof(Exception).IsAssignableFrom(type))
        {
            return Generic(typeof(ExceptionCodec<>), [type]);
        }

        if (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
        {
            return Generic(typeof(GrainInterfaceCodec<>), [type]);
        }

        return type.IsGenericType ? CreateGenericBuiltIn(type) : null;
    }

    private IFieldCodec? CreateGenericBuiltIn(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (definition == typeof(Nullable<>))
        {
            return Generic(typeof(NullableCodec<>), args);
        }

        if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
        {
            return Generic(typeof(ListCodec<,>), [type, args[0]]);
        }

        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            return Generic(typeof(HashSetCodec<,>), [type, args[0]]);
        }

        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            return Generic(typeof(DictionaryCodec<,,>), [type, args[0], args[1]]);
        }

        if (definition == typeof(KeyValuePair<,>))
        {
            return Generic(typeof(KeyValuePairCodec<,>), args);
        }

        return ValueTupleCodecs.TryGetDefinition(definition, out var tupleCodec) ? Generic(tupleCodec, args) : null;
    }

    /// <summary>
    /// A declared type whose values may be of a derived type: the codec must check each value's runtime type.
    /// Collections, exceptions and grain references carry their own answer to that.
    /// </summary>
    private static bool NeedsPolymorphism(Type type) =>
        !type.IsValueType && !type.IsSealed && !type.IsArray && type != typeof(object)
        && !typeof(Exception).IsAssignableFrom(type)
        && !(type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
        && !(type.IsGenericType && IsCollectionDefinition(type.GetGenericTypeDefinition()));

    private static bool IsCollectionDefinition(Type definition) =>
        definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
        || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
        || definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)
        || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>);

    private IFieldCodec Generic(Type definition, Type[] args, params object?[] extra)
    {
        var codecType = definition.MakeGenericType(args);
        object?[] ctorArgs = extra.Length == 0 ? [this] : [this, .. extra];
        return (IFieldCodec)Activator.CreateInstance(codecType, ctorArgs)!;
    }

    /// <summary>A codec in a sealed wrapper, so getting it back out of an object is an exact-type check.</summary>
    private sealed class TypedCodec<T>(IFieldCodec<T> codec)
    {
        public IFieldCodec<T> Codec { get; } = codec;
    }

    private static CodecNotFoundException NotFound(Type type) =>
        new($"No serializer for {type.FullName}: add [GenerateSerializer] to {type.Name} and [Id(n)] to the members to serialize, or change the type to one the runtime serializes.");
}
