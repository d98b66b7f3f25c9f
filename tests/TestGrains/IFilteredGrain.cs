namespace TgeSwarm.TestGrains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int a, int b);
}
