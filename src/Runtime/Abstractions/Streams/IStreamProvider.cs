namespace TgeSwarm.Runtime;

/// <summary>
/// A named stream provider configured on the silo (<c>AddMemoryStreams(name)</c>, <c>AddPostgresStreams(name, …)</c>).
/// A grain gets one with <c>this.GetStreamProvider(name)</c>; streams obtained from it act for that grain.
/// </summary>
public interface IStreamProvider
{
    string Name { get; }

    /// <summary>Whether a subscription may start from a past <see cref="StreamSequenceToken"/>.</summary>
    bool IsRewindable { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
