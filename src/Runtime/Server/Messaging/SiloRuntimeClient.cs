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
/// local callee unless the generator proved them immutable; a codec that cannot copy fails the call at once with
/// the codec's message. The call is then tracked for its response timeout and delivered by the catalog.
/// </summary>
internal sealed class SiloRuntimeClient : IGrainReferenceRuntime
{
    private readonly Catalog.Catalog _catalog;
    private readonly CodecProvider _codecs;
    private readonly ResponseTimeoutMonitor _timeouts;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private readonly GrainFactory _grainFactory;

    public SiloRuntimeClient(
        Catalog.Catalog catalog,
        CodecProvider codecs,
        ResponseTimeoutMonitor timeouts,
        SwarmCodeRegistry registry,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters)
    {
        _catalog = catalog;
        _codecs = codecs;
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
        if (ActivationData.Current is { } caller)
        {
            request.SourceId = caller.GrainId;
            context = (context ?? CallContextData.Empty).ForTurnOf(caller.GrainId);
        }

        request.CallContext = context is { IsEmpty: true } ? null : context;
        if (_outgoingFilters.Length == 0)
        {
            Dispatch(request);
        }
        else
        {
            _ = new OutgoingGrainCallContext(request, _outgoingFilters, this).RunAsync();
        }
    }

    /// <summary>Copies, tracks and delivers a request whose outgoing filters (if any) have run.</summary>
    internal void Dispatch(GrainRequest request)
    {
        try
        {
            request.CopyArguments(_codecs);
        }
        catch (Exception exception)
        {
            Fail(request, exception);
            return;
        }

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

        _catalog.Deliver(request);
    }

    /// <summary>Fails a request that never reached an activation (timeouts, copy failures).</summary>
    internal void Fail(GrainRequest request, Exception exception)
    {
        _timeouts.Untrack(request);
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
