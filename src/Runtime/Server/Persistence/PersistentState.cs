using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Persistence;

/// <summary>
/// The <see cref="IPersistentState{T}"/> a grain gets. Translates provider failures at this boundary: a refused
/// write stays <see cref="InconsistentStateException"/> (and the activation is marked for deactivation so the next
/// call reloads), anything else becomes <see cref="GrainStorageException"/> naming grain, state and provider.
/// </summary>
internal sealed class PersistentState<T> : IPersistentState<T>, IActivationState
{
    private readonly string _stateName;
    private readonly string _storageName;
    private readonly IGrainStorage _storage;
    private readonly ActivationData _activation;
    private readonly Func<T> _newState;

    public PersistentState(string stateName, string storageName, IGrainStorage storage, ActivationData activation, Func<T> newState)
    {
        _stateName = stateName;
        _storageName = storageName;
        _storage = storage;
        _activation = activation;
        _newState = newState;
        State = newState();
    }

    public T State { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync(CancellationToken cancellationToken = default) =>
        Run("read", static (s, ct) => s._storage.ReadStateAsync(s._stateName, s._activation.GrainId, s, ct), cancellationToken);

    public Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        Run("write", static (s, ct) => s._storage.WriteStateAsync(s._stateName, s._activation.GrainId, s, ct), cancellationToken);

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await Run("clear", static (s, ct) => s._storage.ClearStateAsync(s._stateName, s._activation.GrainId, s, ct), cancellationToken);
        State = _newState();
    }

    private async Task Run(string operation, Func<PersistentState<T>, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action(this, cancellationToken);
        }
        catch (InconsistentStateException)
        {
            _activation.OnInconsistentState();
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not GrainStorageException)
        {
            throw new GrainStorageException(
                $"Could not {operation} state '{_stateName}' of grain {_activation.GrainId} in grain storage '{_storageName}': {exception.Message}",
                exception);
        }
    }
}
