namespace TgeSwarm.Bench.Grains;

/// <summary>The activation benchmark's grain: one persistent state on storage "store", read on activation.</summary>
public interface IStatefulGrain : IGrainWithIntegerKey
{
    Task<int> GetAsync();
}
