namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// Serves <see cref="IRemoteGrainDirectory"/> on this silo. A request for a grain this silo no longer owns (the
/// caller's view is older or newer than ours) goes on to the owner by our view, a bounded number of hops.
/// </summary>
[Reentrant]
internal sealed class RemoteGrainDirectoryTarget(GrainDirectory directory) : Grain, IRemoteGrainDirectory
{
    public Task<GrainAddress> Register(GrainAddress address, int hops) => directory.RegisterAsync(address, hops + 1, CancellationToken.None);

    public Task<List<GrainAddress>> RegisterMany(List<GrainAddress> addresses, int hops) =>
        directory.RegisterManyAsync(addresses, hops + 1, CancellationToken.None);

    public Task Unregister(GrainAddress address, int hops) => directory.UnregisterAsync(address, hops + 1, CancellationToken.None);

    public Task<GrainAddress?> Lookup(GrainId grainId, int hops) => directory.LookupAsync(grainId, hops + 1, CancellationToken.None);
}
