namespace TgeSwarm.TestGrains;

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> GetKeyAsync();
}
