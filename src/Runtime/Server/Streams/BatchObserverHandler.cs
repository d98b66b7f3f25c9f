namespace TgeSwarm.Runtime.Streams;

/// <summary>Hands a whole batch to an <see cref="IAsyncBatchObserver{T}"/> in one call.</summary>
internal sealed class BatchObserverHandler<T>(IAsyncBatchObserver<T> observer) : IStreamHandler
{
    public Type EventType => typeof(T);

    public async Task<int> HandleAsync(StreamDeliveryRequest delivery, IStreamFailureSink failures)
    {
        var items = (T[])delivery.Items!;
        var token = new StreamSequenceToken(delivery.Sequence);
        if (delivery.StopOnError)
        {
            await observer.OnNextAsync(items, token);
            return 0;
        }

        try
        {
            await observer.OnNextAsync(items, token);
            return 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A batch observer fails as a whole: every event of the batch counts as failed.
            failures.OnEventFailed(delivery, 0, exception);
            return items.Length;
        }
    }
}
