namespace TgeSwarm.TestGrains;

/// <summary>Calls along a chain of grains, to make call cycles.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="path"/>[0] with the rest of the path; the last grain answers with its key.</summary>
    Task<string> CallAlongAsync(string[] path, bool allowReentrancy);
}
