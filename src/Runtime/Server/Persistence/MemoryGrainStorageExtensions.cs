using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Hosting;

public static class MemoryGrainStorageExtensions
{
    /// <summary>
    /// Adds grain storage named <paramref name="name"/> that keeps state in this silo's memory: for tests and the
    /// embedded default; state is lost when the process ends.
    /// </summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = PersistentStateAttribute.DefaultStorageName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(name);
        return builder;
    }
}
