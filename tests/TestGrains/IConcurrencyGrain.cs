namespace TgeSwarm.TestGrains;

/// <summary>Records how many of its calls overlap, to show which requests interleave.</summary>
public interface IConcurrencyGrain : IGrainWithStringKey
{
    /// <summary>Waits on gate <paramref name="gate"/>; returns the most calls seen inside this grain at once.</summary>
    Task<int> WaitAsync(string gate);

    [ReadOnly]
    Task<int> ReadAsync(string gate);

    [AlwaysInterleave]
    Task<int> InterleaveAsync(string gate);

    /// <summary>Yields many times while checking that no other turn runs at the same instant.</summary>
    Task<bool> YieldManyAsync(int yields);
}
