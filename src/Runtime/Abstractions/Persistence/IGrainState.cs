namespace TgeSwarm.Runtime;

/// <summary>A state value with the version tag its storage provider last saw.</summary>
public interface IGrainState<TState>
{
    TState State { get; set; }

    /// <summary>The storage's version of the record; null when no record has been read or written.</summary>
    string? ETag { get; set; }

    /// <summary>Whether the storage holds a record for this state.</summary>
    bool RecordExists { get; set; }
}
