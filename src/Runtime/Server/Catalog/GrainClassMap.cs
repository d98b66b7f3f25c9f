using System.Collections.Frozen;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// Grain type name → grain class, built once at start-up from the generated registry. This is the only place
/// the silo reflects over grain classes (attributes and constructors); every mistake found here stops start-up
/// with a message naming the class: two classes for one grain type, a <c>[PersistentState]</c> parameter that is
/// not <c>IPersistentState&lt;T&gt;</c>, a storage provider that is not configured.
/// </summary>
internal sealed class GrainClassMap
{
    private readonly FrozenDictionary<string, GrainClassInfo> _byGrainType;

    public GrainClassMap(SwarmCodeRegistry registry, IServiceProvider services, IOptions<GrainCollectionOptions> collectionOptions)
    {
        var options = collectionOptions.Value;
        var byGrainType = new Dictionary<string, GrainClassInfo>(StringComparer.Ordinal);
        foreach (var classType in registry.GrainClasses)
        {
            foreach (var grainType in GrainTypesOf(classType, registry))
            {
                if (byGrainType.TryGetValue(grainType, out var existing))
                {
                    throw new InvalidOperationException(
                        $"Grain classes {existing.ClassType.FullName} and {classType.FullName} both implement grain type '{grainType}'. A grain interface needs exactly one implementation.");
                }

                byGrainType[grainType] = Describe(grainType, classType, services, options);
            }
        }

        _byGrainType = byGrainType.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<GrainClassInfo> Classes => _byGrainType.Values;

    public bool TryGet(string grainType, out GrainClassInfo info) => _byGrainType.TryGetValue(grainType, out info!);

    /// <summary>
    /// The grain types a class serves: its most derived grain interfaces. A class implementing
    /// <c>IDerivedGrain : IBaseGrain</c> serves <c>derived</c> only, so <c>IBaseGrain</c> stays free for its own class.
    /// </summary>
    private static IEnumerable<string> GrainTypesOf(Type classType, SwarmCodeRegistry registry)
    {
        // IRemindable is how a class receives reminder ticks, never a grain type of its own.
        var registered = classType.GetInterfaces().Where(i => i != typeof(IRemindable) && registry.TryGetInterface(i, out _)).ToArray();
        foreach (var candidate in registered)
        {
            if (!registered.Any(other => other != candidate && candidate.IsAssignableFrom(other)) && registry.TryGetInterface(candidate, out var registration))
            {
                yield return registration.GrainType;
            }
        }
    }

    private static GrainClassInfo Describe(string grainType, Type classType, IServiceProvider services, GrainCollectionOptions options)
    {
        var constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        var states = new List<IPersistentStateFactory>();
        var stateTypes = new List<Type>();
        foreach (var parameter in constructor.GetParameters())
        {
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null)
            {
                continue;
            }

            states.Add(CreateStateFactory(classType, parameter, attribute, services));
            stateTypes.Add(parameter.ParameterType);
        }

        var worker = classType.GetCustomAttribute<StatelessWorkerAttribute>();
        var systemTarget = SystemTargets.SystemTargetIds.IsSystemTarget(grainType);
        return new GrainClassInfo
        {
            GrainType = grainType,
            ClassType = classType,
            Placement = classType.GetCustomAttribute<PlacementAttribute>()?.Strategy ?? HashBasedPlacement.Instance,
            IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null,
            IsStatelessWorker = worker is not null,
            IsSystemTarget = systemTarget,
            MaxLocalWorkers = worker is null ? 0 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount,
            IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType),
            CollectionAge = systemTarget ? TimeSpan.MaxValue : options.ClassSpecificCollectionAge.TryGetValue(grainType, out var age) ? age : options.CollectionAge,
            Factory = ActivatorUtilities.CreateFactory(classType, [.. stateTypes]),
            States = states,
        };
    }

    private static IPersistentStateFactory CreateStateFactory(Type classType, ParameterInfo parameter, PersistentStateAttribute attribute, IServiceProvider services)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException(
                $"Parameter '{parameter.Name}' of {classType.FullName} has [PersistentState] but is a {type.Name}; it must be IPersistentState<T>.");
        }

        var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"Grain class {classType.FullName} needs grain storage '{attribute.StorageName}' for state '{attribute.StateName}', which is not configured. Add it with AddMemoryGrainStorage(\"{attribute.StorageName}\") or AddPostgresGrainStorage(\"{attribute.StorageName}\", connectionString).");
        var stateType = type.GetGenericArguments()[0];
        var factoryType = typeof(PersistentStateFactory<>).MakeGenericType(stateType);
        return (IPersistentStateFactory)Activator.CreateInstance(factoryType, attribute.StateName, attribute.StorageName, storage)!;
    }
}
