namespace TgeSwarm.Runtime;

/// <summary>
/// A grain's persistent state, injected as <c>[PersistentState("name", "storage")] IPersistentState&lt;T&gt;</c>.
/// It is read before <c>OnActivateAsync</c>; writes are guarded by <see cref="IGrainState{T}.ETag"/>, so a
/// write that lost a race throws <see cref="InconsistentStateException"/> instead of overwriting.
/// </summary>
public interface IPersistentState<TState> : IGrainState<TState>
{
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record and resets <see cref="IGrainState{T}.State"/> to a new instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
