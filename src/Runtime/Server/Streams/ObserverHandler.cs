namespace TgeSwarm.Runtime.Streams;

/// <summary>Feeds a batch to an <see cref="IAsyncObserver{T}"/> one event at a time, in order.</summary>
internal sealed class ObserverHandler<T>(IAsyncObserver<T> observer) : IStreamHandler
{
    public Type EventType => typeof(T);

    public async Task<int> HandleAsync(StreamDeliveryRequest delivery, IStreamFailureSink failures)
    {
        var items = (T[])delivery.Items!;
        var failed = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var token = new StreamSequenceToken(delivery.Sequence, i);
            if (delivery.StopOnError)
            {
                await observer.OnNextAsync(items[i], token);
                continue;
            }

            try
            {
                await observer.OnNextAsync(items[i], token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // At-most-once delivery: the failure is logged and counted by the sink, and the batch goes on.
                failures.OnEventFailed(delivery, i, exception);
                failed++;
            }
        }

        return failed;
    }
}
