namespace TgeSwarm.TestGrains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string> GetETagAsync();

    Task DeactivateAsync();

    Task ClearAsync();
}
