using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// Runs the client's outgoing filters around one call. The last step sends the call and takes its outcome in place
/// of the caller's awaiter, so filters see (and may replace) the result; the caller is released once the whole chain
/// has returned, with the chain's outcome.
/// </summary>
internal sealed class ClientOutgoingCallContext(GrainRequest request, IOutgoingGrainCallFilter[] filters, ClientRuntime runtime)
    : IOutgoingGrainCallContext, IResponseSink
{
    private readonly TaskCompletionSource _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _step;

    public GrainRequest Request => request;

    public GrainId TargetId => request.TargetId;

    public GrainId? SourceId => null;

    public string InterfaceName => request.InterfaceName;

    public string MethodName => request.MethodName;

    public object? Result
    {
        get => request.GetResult();
        set => request.SetResult(value);
    }

    // The result was read off the wire: it belongs to this call already.
    public bool NeedsResultCopy => false;

    public Task Invoke()
    {
        var step = _step++;
        if (step < filters.Length)
        {
            return filters[step].Invoke(this);
        }

        request.ResponseSink = this;
        runtime.Dispatch(request);
        return _outcome.Task;
    }

    public async Task RunAsync()
    {
        Exception? error = null;
        try
        {
            await Invoke();
        }
        catch (Exception exception)
        {
            // A filter's or the call's failure is the caller's to see, exactly as thrown.
            error = exception;
        }

        request.ResponseSink = null;
        if (error is null)
        {
            request.Complete();
        }
        else
        {
            request.Fail(error);
        }
    }

    void IResponseSink.OnResponse(GrainRequest response, Exception? exception)
    {
        if (exception is null)
        {
            _outcome.TrySetResult();
        }
        else
        {
            _outcome.TrySetException(exception);
        }
    }
}
