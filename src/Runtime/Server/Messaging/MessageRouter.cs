using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;
using TgeSwarm.Runtime.SystemTargets;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Decides where a request runs and sends it there: this silo's catalog or another silo.
///
/// In order: a system target runs on the silo its key names; an activation already here takes the call; a stateless
/// worker runs here; a remembered location (<see cref="GrainLocationCache"/>) is used as is; otherwise placement
/// decides. Hash-based placement (the default) goes to the grain's owner on the ring, which is also where its
/// directory entry lives, so no lookup is needed; prefer-local and random placement first ask the directory
/// whether the grain is active somewhere, and place only if not. A silo that receives a request for a grain it does
/// not host routes it again by its own view (bounded by <see cref="MaxForwardCount"/>), so a stale view or cache
/// costs a hop, never a duplicate: the directory registration that precedes every activation settles who runs it.
/// </summary>
internal sealed partial class MessageRouter
{
    /// <summary>How many times a request may be passed on between silos (Orleans: 2).</summary>
    public const int MaxForwardCount = 2;

    private readonly Catalog.Catalog _catalog;
    private readonly GrainClassMap _classes;
    private readonly GrainDirectory _directory;
    private readonly GrainLocationCache _locations;
    private readonly LocalSiloDetails _silo;
    private readonly RemoteSender _sender;
    private readonly CodecProvider _codecs;
    private readonly ILogger<MessageRouter> _logger;

    public MessageRouter(
        Catalog.Catalog catalog,
        GrainClassMap classes,
        GrainDirectory directory,
        GrainLocationCache locations,
        LocalSiloDetails silo,
        RemoteSender sender,
        CodecProvider codecs,
        ILogger<MessageRouter> logger)
    {
        _catalog = catalog;
        _classes = classes;
        _directory = directory;
        _locations = locations;
        _silo = silo;
        _sender = sender;
        _codecs = codecs;
        _logger = logger;
    }

    /// <summary>Routes a request whose outgoing filters have run (a local call) or that arrived from another process.</summary>
    public void Route(GrainRequest request)
    {
        var target = request.TargetId;
        if (SystemTargetIds.IsSystemTarget(target))
        {
            RouteToSystemTarget(request);
            return;
        }

        var stopping = _catalog.IsStopping;
        if (!stopping && _catalog.TryGetActivation(target, out var activation))
        {
            // The common local call: one lookup, and the activation it found takes the request.
            DeliverLocal(request, activation);
            return;
        }

        if (!_classes.TryGet(target.Type, out var classInfo))
        {
            // The catalog fails it with a message naming the grain type.
            DeliverLocal(request);
            return;
        }

        if (classInfo.IsStatelessWorker && !stopping)
        {
            DeliverLocal(request);
            return;
        }

        if (_locations.TryGet(target, out var cached))
        {
            if (!IsDead(cached) && !(stopping && cached.Equals(_silo.SiloAddress)))
            {
                Send(request, cached, MessageFlags.None);
                return;
            }

            _locations.Invalidate(target, cached);
        }

        if (classInfo.Placement is HashBasedPlacement || classInfo.IsStatelessWorker)
        {
            RouteToOwner(request);
            return;
        }

        _ = RouteByLookupAsync(request, classInfo);
    }

    /// <summary>Places a request on this silo without routing again (the sender chose this silo by placement).</summary>
    public void RouteHere(GrainRequest request)
    {
        if (_catalog.IsStopping)
        {
            Route(request);
            return;
        }

        DeliverLocal(request);
    }

    /// <summary>Sends the queued requests of an activation that lost its registration to the winner.</summary>
    public void ForwardTo(GrainRequest request, SiloAddress silo)
    {
        if (silo.Equals(_silo.SiloAddress))
        {
            DeliverLocal(request);
            return;
        }

        // The directory named the winner, so this hop is certain: it may go back to the silo the request came from.
        request.ArrivedFromRemote = true;
        Send(request, silo, MessageFlags.None, directoryConfirmed: true);
    }

    private void RouteToSystemTarget(GrainRequest request)
    {
        if (!SystemTargetIds.TryGetSilo(request.TargetId, out var silo))
        {
            Fail(request, new SwarmException($"System target {request.TargetId} does not name a silo (called {request})."));
            return;
        }

        if (silo.Equals(_silo.SiloAddress))
        {
            DeliverLocal(request);
        }
        else if (silo.IsSameEndpoint(_silo.SiloAddress) && silo.Generation != _silo.SiloAddress.Generation)
        {
            Fail(request, new SiloUnavailableException($"Silo {silo} is gone: {_silo.SiloAddress} now runs on its endpoint (called {request})."));
        }
        else
        {
            Send(request, silo, MessageFlags.None);
        }
    }

    private void DeliverLocal(GrainRequest request, Catalog.ActivationData? activation = null)
    {
        if (!request.ArgumentsArePrivate)
        {
            try
            {
                request.CopyArguments(_codecs);
                request.ArgumentsArePrivate = true;
            }
            catch (Exception exception)
            {
                // A codec that cannot copy fails this call with its own message, at once.
                Fail(request, exception);
                return;
            }
        }

        _catalog.Deliver(request, activation);
    }

    private void Send(GrainRequest request, SiloAddress silo, MessageFlags flags, bool directoryConfirmed = false)
    {
        if (silo.Equals(_silo.SiloAddress))
        {
            if (_catalog.IsStopping && !SystemTargetIds.IsSystemTarget(request.TargetId))
            {
                Fail(request, new SiloUnavailableException($"Silo {silo} is stopping and no other silo can take {request} on grain {request.TargetId}."));
            }
            else
            {
                DeliverLocal(request);
            }

            return;
        }

        if (!directoryConfirmed && request.ArrivedFromRemote && silo.Equals(request.SendingSilo) && !_catalog.IsStopping)
        {
            // The sender just routed it here (it is leaving, or our views differ for a moment): bouncing it back would
            // only loop; it runs here, and the directory registration settles who hosts the grain.
            DeliverLocal(request);
            return;
        }

        if (IsDead(silo))
        {
            _locations.Invalidate(request.TargetId, silo);
            Fail(request, new SiloUnavailableException($"Silo {silo} is dead; {request} on grain {request.TargetId} was not sent."));
            return;
        }

        if (request.ArrivedFromRemote && ++request.ForwardCount > MaxForwardCount)
        {
            LogForwardLimit(_logger, request, request.TargetId, request.ForwardCount - 1);
            Fail(request, new SwarmException(
                $"{request} on grain {request.TargetId} was passed between silos {request.ForwardCount - 1} times without reaching its activation; silos disagree on where it lives. Try again."));
            return;
        }

        _sender.Send(request, silo, flags);
    }

    private void Fail(GrainRequest request, Exception exception) => _catalog.CompleteRequest(request, exception);

    [LoggerMessage(SiloEventIds.ForwardLimitReached, LogLevel.Warning, "{Request} on grain {GrainId} was forwarded {Count} times; failing it")]
    private static partial void LogForwardLimit(ILogger logger, GrainRequest request, GrainId grainId, int count);
}
