namespace TgeSwarm.Runtime;

public static class GrainStreamingExtensions
{
    /// <summary>
    /// The stream provider named <paramref name="name"/>, acting for <paramref name="grain"/>: its subscriptions
    /// belong to this grain and its events are produced from this grain's silo.
    /// </summary>
    public static IStreamProvider GetStreamProvider(this Grain grain, string name)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return grain.Context.GetStreamProvider(name);
    }
}
