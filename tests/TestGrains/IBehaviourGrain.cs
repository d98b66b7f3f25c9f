namespace TgeSwarm.TestGrains;

/// <summary>A grab bag of behaviours the runtime tests call: exceptions, request context, copies, one-way calls, hangs.</summary>
public interface IBehaviourGrain : IGrainWithStringKey
{
    Task ThrowAsync(string message);

    Task<string?> GetContextValueAsync(string key);

    /// <summary>Sets <paramref name="key"/> in its own context, then asks <paramref name="other"/> for it.</summary>
    Task<string?> SetAndForwardAsync(string key, string value, IBehaviourGrain other);

    Task<List<int>> MutateAsync(List<int> values);

    Task<bool> IsSharedAsync([Immutable] byte[] data, string slot);

    [OneWay]
    Task NotifyAsync(int value);

    Task<int> GetLastNotifiedAsync();

    /// <summary>Never completes unless gate <paramref name="gate"/> opens.</summary>
    Task<int> HangAsync(string gate);

    Task<string> GetIdentityAsync();

    Task<int> WaitForCancellationAsync(CancellationToken cancellationToken);

    Task<SampleRecord> EchoAsync(SampleRecord value);
}
