namespace TgeSwarm.Runtime.Persistence;

/// <summary>A plain <see cref="IGrainState{T}"/>, for providers and their tests.</summary>
public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
