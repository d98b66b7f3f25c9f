namespace TgeSwarm.Runtime;

/// <summary>
/// Receives a stream's events a batch at a time: one consumer turn per batch, no per-event task. The token names
/// the first event; event <c>i</c> of the batch is <c>firstToken.CreateSequenceTokenForEvent(i)</c>.
/// </summary>
public interface IAsyncBatchObserver<T>
{
    Task OnNextAsync(IReadOnlyList<T> items, StreamSequenceToken firstToken);
}
