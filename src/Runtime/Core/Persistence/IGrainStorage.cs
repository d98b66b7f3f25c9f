namespace TgeSwarm.Runtime.Persistence;

/// <summary>
/// A grain storage provider: reads, writes and clears one named state of one grain. Contract every provider
/// keeps (and the shared provider test suite checks):
/// <list type="bullet">
/// <item>Read of a missing record leaves <c>State</c> as given, sets <c>RecordExists</c> false and <c>ETag</c> null.</item>
/// <item>Write succeeds only if <c>ETag</c> matches the stored version (null: no record may exist), then sets the new
/// ETag and <c>RecordExists</c>; otherwise it throws <see cref="InconsistentStateException"/> and changes nothing.</item>
/// <item>Clear follows the same ETag rule, removes the record and sets <c>RecordExists</c> false.</item>
/// <item>The grain type is part of the key: two grain types with the same key never share a record.</item>
/// <item>Any other failure (outage, malformed record) throws; the runtime wraps it in <see cref="GrainStorageException"/>.</item>
/// </list>
/// Registered as a keyed singleton under its provider name.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken);
}
