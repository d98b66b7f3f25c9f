namespace TgeSwarm.TestGrains;

public interface ICompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> GetKeyAsync();
}
