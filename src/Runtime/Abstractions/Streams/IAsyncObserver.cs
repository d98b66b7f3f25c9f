namespace TgeSwarm.Runtime;

/// <summary>Receives a stream's events one at a time, in the consumer grain's turns.</summary>
public interface IAsyncObserver<in T>
{
    /// <summary>
    /// Handles one event. Throwing fails this event: a memory stream logs and counts it and goes on; a PostgreSQL
    /// stream retries the batch and dead-letters it after the configured number of tries.
    /// </summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);
}
