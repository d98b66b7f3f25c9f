namespace TgeSwarm.TestGrains;

[StatelessWorker(2)]
public sealed class WorkerGrain(TestSignals signals) : Grain, IWorkerGrain
{
    public async Task<string> WorkAsync(string gate)
    {
        await signals.Gate(gate);
        return IdentityString;
    }
}
