namespace TgeSwarm.Runtime.Invocation;

/// <summary>
/// Runs the outgoing filters around a call. The call's response is routed here (as the request's response sink)
/// so filters see, and may change, the result before the caller does; the caller's awaiter completes only when
/// the whole chain has returned. The silo and the external client share it: <paramref name="needsResultCopy"/> is
/// false where the result was read off the wire and so belongs to this call already.
/// </summary>
internal sealed class OutgoingGrainCallContext(GrainRequest request, IOutgoingGrainCallFilter[] filters, IRequestDispatcher dispatcher, bool needsResultCopy)
    : GrainCallContext(request), IOutgoingGrainCallContext, IResponseSink
{
    private readonly TaskCompletionSource _response = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool NeedsResultCopy => needsResultCopy;

    protected override Task InvokeStep(int index)
    {
        if (index < filters.Length)
        {
            return filters[index].Invoke(this);
        }

        Request.ResponseSink = this;
        dispatcher.Dispatch(Request);
        return _response.Task;
    }

    /// <summary>Runs the chain and then releases the caller with its outcome.</summary>
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

        Request.ResponseSink = null;
        if (error is null)
        {
            Request.Complete();
        }
        else
        {
            Request.Fail(error);
        }
    }

    void IResponseSink.OnResponse(GrainRequest request, Exception? exception)
    {
        if (exception is null)
        {
            _response.TrySetResult();
        }
        else
        {
            _response.TrySetException(exception);
        }
    }
}
