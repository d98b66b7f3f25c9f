using System.Collections.Concurrent;

namespace TgeSwarm.TestGrains;

/// <summary>
/// Named gates and logs shared by a test and its grains (a singleton in the silo's services), so tests wait on
/// signals instead of sleeping.
/// </summary>
public sealed class TestSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentDictionary<string, object?> Values { get; } = new();

    public Task Gate(string name) => Get(name).Task;

    public void Open(string name) => Get(name).TrySetResult();

    private TaskCompletionSource Get(string name) =>
        _gates.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
