namespace TgeSwarm.Runtime;

/// <summary>Subscribing and resuming with delegates instead of observer classes.</summary>
public static class AsyncStreamExtensions
{
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        this IAsyncStream<T> stream, Func<T, StreamSequenceToken?, Task> onNext, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.SubscribeAsync(new DelegateObserver<T>(onNext), token);
    }

    /// <summary>Subscribes a delegate that receives whole batches (named apart so lambdas never bind ambiguously).</summary>
    public static Task<StreamSubscriptionHandle<T>> SubscribeBatchAsync<T>(
        this IAsyncStream<T> stream, Func<IReadOnlyList<T>, StreamSequenceToken, Task> onNextBatch, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.SubscribeAsync(new DelegateBatchObserver<T>(onNextBatch), token);
    }

    public static Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(
        this StreamSubscriptionHandle<T> handle, Func<T, StreamSequenceToken?, Task> onNext, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.ResumeAsync(new DelegateObserver<T>(onNext), token);
    }

    public static Task<StreamSubscriptionHandle<T>> ResumeBatchAsync<T>(
        this StreamSubscriptionHandle<T> handle, Func<IReadOnlyList<T>, StreamSequenceToken, Task> onNextBatch, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.ResumeAsync(new DelegateBatchObserver<T>(onNextBatch), token);
    }

    private sealed class DelegateObserver<T>(Func<T, StreamSequenceToken?, Task> onNext) : IAsyncObserver<T>
    {
        private readonly Func<T, StreamSequenceToken?, Task> _onNext = onNext ?? throw new ArgumentNullException(nameof(onNext));

        public Task OnNextAsync(T item, StreamSequenceToken? token = null) => _onNext(item, token);
    }

    private sealed class DelegateBatchObserver<T>(Func<IReadOnlyList<T>, StreamSequenceToken, Task> onNext) : IAsyncBatchObserver<T>
    {
        private readonly Func<IReadOnlyList<T>, StreamSequenceToken, Task> _onNext = onNext ?? throw new ArgumentNullException(nameof(onNext));

        public Task OnNextAsync(IReadOnlyList<T> items, StreamSequenceToken firstToken) => _onNext(items, firstToken);
    }
}
