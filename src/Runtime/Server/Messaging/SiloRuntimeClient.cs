using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Client;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Sends the calls of grain references created inside the silo (by grains and by the hosted client).
///
/// On the way out a call captures the request context, and — when a grain is calling — extends the call chain
/// with the calling grain, which is what lets the target detect a deadlock. Arguments are deep-copied for the
/// local callee unless the generator proved them immutable (a remote callee gets them serialized instead); a codec
/// that cannot copy fails the call at once with the codec's message. The call is tracked for its response timeout
/// and handed to the router, which runs it here or sends it to the silo that hosts the grain.
/// </summary>
internal sealed class SiloRuntimeClient : IGrainReferenceRuntime, IRequestDispatcher
{
    private readonly MessageRouter _router;
    private readonly OutstandingCalls _outstanding;
    private readonly ResponseTimeoutMonitor _timeouts;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private readonly GrainFactory _grainFactory;

    public SiloRuntimeClient(
        MessageRouter router,
        OutstandingCalls outstanding,
        ResponseTimeoutMonitor timeouts,
        SwarmCodeRegistry registry,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters)
    {
        _router = router;
        _outstanding = outstanding;
        _timeouts = timeouts;
        _outgoingFilters = [.. outgoingFilters];
        _grainFactory = new GrainFactory(registry, this);
    }

    public IGrainFactory GrainFactory => _grainFactory;

    public object CreateReference(Type interfaceType, GrainId grainId) => _grainFactory.GetGrain(interfaceType, grainId);

    public void SendRequest(GrainReference target, GrainRequest request)
    {
        request.TargetId = target.GrainId;
        var context = RequestContext.Current;
        if ((request.Options & InvokeOptions.OneWay) != 0)
        {
            // Nobody waits on a one-way call, so it starts a chain of its own: carrying the caller's chain would make
            // the callee's calls back to a still-busy caller fail as deadlocks instead of queueing behind its turn.
            context = context?.WithoutChain();
        }
        else if (ActivationData.Current is { } caller)
        {
            context = (context ?? CallContextData.Empty).ForTurnOf(caller.GrainId);
        }

        if (ActivationData.Current is { } source)
        {
            request.SourceId = source.GrainId;
        }

        request.CallContext = context is { IsEmpty: true } ? null : context;
        if (_outgoingFilters.Length == 0)
        {
            Dispatch(request);
        }
        else
        {
            _ = new OutgoingGrainCallContext(request, _outgoingFilters, this, needsResultCopy: true).RunAsync();
        }
    }

    /// <summary>Tracks and routes a request whose outgoing filters (if any) have run.</summary>
    public void Dispatch(GrainRequest request)
    {
        if ((request.Options & InvokeOptions.OneWay) == 0)
        {
            _timeouts.Track(request);
            var token = request.CancellationToken;
            if (token.CanBeCanceled)
            {
                // A local callee shares the token, so its own awaits cancel too; the caller is released either way.
                request.CancellationRegistration = token.UnsafeRegister(
                    static (state, token) => ((SiloRuntimeClient)((object[])state!)[0]).Fail((GrainRequest)((object[])state!)[1], new OperationCanceledException(token)),
                    new object[] { this, request });
            }
        }

        _router.Route(request);
    }

    /// <summary>Fails a request that has not completed (timeouts, cancellation, send failures).</summary>
    internal void Fail(GrainRequest request, Exception exception)
    {
        request.Abandoned = true;
        request.DeadlineTimestamp = 0;
        _outstanding.TryRemove(request);
        request.CancellationRegistration.Dispose();
        if (request.ResponseSink is { } sink)
        {
            sink.OnResponse(request, exception);
        }
        else
        {
            request.Fail(exception);
        }
    }
}
