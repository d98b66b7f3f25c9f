using System.Runtime.CompilerServices;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// A request whose method produces <typeparamref name="TResult"/> (<see cref="VoidResult"/> for <c>Task</c>).
///
/// The caller awaits a <see cref="Task{TResult}"/> the request completes itself, so a <c>Task</c>-returning proxy
/// hands it out as is: a call allocates the request and that task, nothing else on the way back. Completion never
/// runs the caller's code on the completing thread (a grain's turn, a receive loop): <see cref="Complete"/> and
/// <see cref="Fail"/> queue the request itself as a thread-pool work item, which sets the task's outcome there,
/// and the caller's continuation runs inline on that pool thread. That is the one hop a
/// <c>TaskCompletionSource</c> with <c>RunContinuationsAsynchronously</c> makes, without its two extra objects
/// (the source, and the queued callback a value-task source would add). An activation whose work item ends with
/// the turn that answered the call skips even that hop: it settles the outcome during the turn
/// (<see cref="TrySettle"/>) and releases the caller inline once it has let go of the thread
/// (<see cref="ReleaseCaller"/>).
/// </summary>
public abstract class GrainRequest<TResult> : GrainRequest, IThreadPoolWorkItem
{
    // A struct holding one task reference: the task without a TaskCompletionSource around it. Its task exists once
    // AsValueTask has run (always before the request is sent); completing it happens only in Execute, after _completed.
    private AsyncTaskMethodBuilder<TResult> _caller;
    private Exception? _error;
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
        if (TrySettle(null))
        {
            ReleaseCaller(inline: false);
        }
    }

    public sealed override void Fail(Exception exception)
    {
        if (TrySettle(exception))
        {
            ReleaseCaller(inline: false);
        }
    }

    internal sealed override bool TrySettle(Exception? error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _error = error;
        return true;
    }

    internal sealed override void ReleaseCaller(bool inline)
    {
        if (inline)
        {
            ((IThreadPoolWorkItem)this).Execute();
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <summary>
    /// The caller's view of the result. Call it before the request is sent (the proxy does): the task is created
    /// here, and completion must find it.
    /// </summary>
    public ValueTask<TResult> AsValueTask() => new(_caller.Task);

    void IThreadPoolWorkItem.Execute()
    {
        // Settled before: on this thread, or on one whose queueing of this work item orders Result and _error first.
        if (_error is { } error)
        {
            // An OperationCanceledException makes the task canceled, carrying that exception: awaiting rethrows it.
            _caller.SetException(error);
        }
        else
        {
            _caller.SetResult(Result);
        }
    }

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
