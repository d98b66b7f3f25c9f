namespace TgeSwarm.Bench.Grains;

public sealed class WriterGrain([PersistentState("state", "pg")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task<long> WriteAsync(long sequence, string payload)
    {
        state.State.Sequence = sequence;
        state.State.Payload = payload;
        await state.WriteStateAsync();
        return sequence;
    }
}
