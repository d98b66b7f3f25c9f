namespace TgeSwarm.Bench.Grains;

/// <summary>The local-call benchmark's grain: primitive in, primitive out, no state, completes synchronously.</summary>
public interface ICallGrain : IGrainWithIntegerKey
{
    Task<int> AddAsync(int value);
}
