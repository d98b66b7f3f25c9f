using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// A request whose method produces <typeparamref name="TResult"/> (<see cref="VoidResult"/> for <c>Task</c>).
/// The request is itself the caller's awaitable (<see cref="IValueTaskSource{TResult}"/>), so a call allocates
/// the request and nothing else on the way back. Continuations run asynchronously: completing a request from a
/// grain's turn never runs the caller's code inside that turn.
/// </summary>
public abstract class GrainRequest<TResult> : GrainRequest, IValueTaskSource<TResult>
{
    private ManualResetValueTaskSourceCore<TResult> _completion = new() { RunContinuationsAsynchronously = true };
    private int _completed;

    /// <summary>The method's result, once <see cref="InvokeAsync"/> or <see cref="ReadResult"/> has run.</summary>
    protected TResult Result { get; set; } = default!;

    /// <summary>Whether <typeparamref name="TResult"/> needs no copy (the generator knows at build time).</summary>
    protected virtual bool ResultIsImmutable => false;

    public override bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Calls the grain method. Generated: casts <paramref name="target"/> to the interface and forwards the arguments.</summary>
    protected abstract ValueTask<TResult> InvokeMethodAsync(object target);

    public sealed override ValueTask InvokeAsync(object target)
    {
        var pending = InvokeMethodAsync(target);
        if (pending.IsCompletedSuccessfully)
        {
            Result = pending.Result;
            return default;
        }

        return AwaitResult(pending);
    }

    public sealed override object? GetResult() => Result;

    public sealed override void SetResult(object? result) => Result = (TResult)result!;

    public sealed override void CopyResult(CodecProvider codecs)
    {
        if (!ResultIsImmutable)
        {
            Result = codecs.GetCodec<TResult>().DeepCopy(Result);
        }
    }

    public sealed override void WriteResult(ref SwarmWriter writer, CodecProvider codecs) =>
        codecs.GetCodec<TResult>().Write(ref writer, 0, Result);

    public sealed override void ReadResult(ref SwarmReader reader, CodecProvider codecs) =>
        Result = Serializer.ReadRoot(ref reader, codecs.GetCodec<TResult>());

    public sealed override void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _completion.SetResult(Result);
        }
    }

    public sealed override void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _completion.SetException(exception);
        }
    }

    /// <summary>The caller's view of the result.</summary>
    public ValueTask<TResult> AsValueTask() => new(this, _completion.Version);

    TResult IValueTaskSource<TResult>.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    /// <summary>Adapts a <c>Task</c>-returning grain method.</summary>
    protected static ValueTask<VoidResult> AsVoid(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task);

    /// <summary>Adapts a <c>ValueTask</c>-returning grain method.</summary>
    protected static ValueTask<VoidResult> AsVoid(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitVoid(task.AsTask());

    private static async ValueTask<VoidResult> AwaitVoid(Task task)
    {
        await task;
        return default;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitResult(ValueTask<TResult> pending) => Result = await pending;
}
