using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Runtime.Hosting;

public static class GrainAssemblyExtensions
{
    /// <summary>
    /// Adds <paramref name="assembly"/> (and what it references) to the grain code the silo loads. Needed only when
    /// the grains live in an assembly neither the entry assembly nor anything loaded at start-up references.
    /// </summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }
}
