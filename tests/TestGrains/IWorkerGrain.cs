namespace TgeSwarm.TestGrains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Waits on the gate, then returns this activation's identity.</summary>
    Task<string> WorkAsync(string gate);
}
