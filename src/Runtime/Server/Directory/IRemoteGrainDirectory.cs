namespace TgeSwarm.Runtime.Directory;

/// <summary>The directory partition of one silo, as other silos call it.</summary>
[Alias("sys.directory")]
internal interface IRemoteGrainDirectory : IGrainWithStringKey
{
    /// <summary>Registers the activation unless a live one holds the grain; returns the winner.</summary>
    Task<GrainAddress> Register(GrainAddress address, int hops);

    /// <summary>Registers several activations (after a view change); returns each one's winner, in order.</summary>
    Task<List<GrainAddress>> RegisterMany(List<GrainAddress> addresses, int hops);

    Task Unregister(GrainAddress address, int hops);

    Task<GrainAddress?> Lookup(GrainId grainId, int hops);
}
