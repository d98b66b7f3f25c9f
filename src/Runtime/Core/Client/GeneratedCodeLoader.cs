using System.Reflection;
using TgeSwarm.Runtime.CodeRegistry;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// Gathers the generated code a host needs, silo or client alike: the reference closure of the runtime assembly, the
/// entry assembly, assemblies the application named, and every assembly already loaded that carries generated code
/// (test runners are not the entry assembly, but the tests they loaded still count).
/// </summary>
internal static class GeneratedCodeLoader
{
    public static SwarmCodeRegistry Load(Assembly runtimeAssembly, IEnumerable<Assembly> named)
    {
        ArgumentNullException.ThrowIfNull(runtimeAssembly);
        ArgumentNullException.ThrowIfNull(named);
        var registry = new SwarmCodeRegistry();
        registry.AddReferenceClosure(runtimeAssembly);
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            registry.AddReferenceClosure(entry);
        }

        foreach (var assembly in named)
        {
            registry.AddReferenceClosure(assembly);
        }

        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!loaded.IsDynamic && loaded.IsDefined(typeof(SwarmGeneratedCodeAttribute)))
            {
                registry.AddReferenceClosure(loaded);
            }
        }

        return registry;
    }
}
