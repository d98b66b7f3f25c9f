using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// The silo's activations by grain id, and the delivery of requests to them.
///
/// Delivery looks the grain up; on a miss it creates the activation and registers it (a compare-and-add into the
/// map) before anything runs, so two concurrent first calls meet the same activation. An activation that left the
/// map while a request was on its way refuses it, and delivery simply looks again. Stateless workers live apart,
/// in one pool per grain id. Every request ends in <see cref="CompleteRequest"/>, which is where local results are
/// copied and callers released.
/// </summary>
internal sealed partial class Catalog
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerPool> _workers = new();
    private readonly GrainClassMap _classes;
    private readonly ActivationServices _shared;
    private readonly OutstandingCalls _outstanding;
    private readonly ILogger<Catalog> _logger;
    private long _activationNumber;
    private volatile bool _stopping;

    public Catalog(GrainClassMap classes, ActivationServices shared, OutstandingCalls outstanding, ILogger<Catalog> logger)
    {
        _classes = classes;
        _shared = shared;
        _outstanding = outstanding;
        _logger = logger;
    }

    /// <summary>Whether the silo is stopping: new activations go to other silos, and queued calls follow them.</summary>
    public bool IsStopping => _stopping;

    // Resolved on first use: the router needs the catalog.
    private MessageRouter Router => field ??= _shared.Services.GetRequiredService<MessageRouter>();

    /// <summary>Whether <paramref name="entry"/> names an activation of this silo that no longer exists.</summary>
    public bool IsStaleLocalEntry(GrainAddress entry) =>
        entry.SiloAddress.Equals(_shared.Silo.SiloAddress)
        && !(_activations.TryGetValue(entry.GrainId, out var current) && current.Address.Equals(entry) && current.State != ActivationState.Invalid);

    /// <summary>
    /// The activation of <paramref name="grainId"/> in this silo's map. Lock-free, for the call path: one that is just
    /// leaving still counts, and delivery then creates its successor here, where the directory decides.
    /// </summary>
    public bool TryGetActivation(GrainId grainId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActivationData? activation) =>
        _activations.TryGetValue(grainId, out activation);

    public int ActivationCount => _activations.Count + _workers.Values.Sum(static p => p.Count);

    public GrainClassMap Classes => _classes;

    /// <summary>Every activation, workers included: a moment's snapshot.</summary>
    public IEnumerable<ActivationData> Activations => _activations.Values.Concat(_workers.Values.SelectMany(static p => p.Snapshot()));

    /// <summary>
    /// Delivers <paramref name="request"/> to its grain's activation here, creating it if needed. The router passes
    /// the activation it already looked up (<paramref name="found"/>), which is tried first.
    /// </summary>
    public void Deliver(GrainRequest request, ActivationData? found = null)
    {
        if (found is not null)
        {
            if (found.TryEnqueue(request))
            {
                return;
            }

            Remove(found);
        }

        var grainId = request.TargetId;
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var activation))
            {
                if (activation.TryEnqueue(request))
                {
                    return;
                }

                // It is leaving: take it out of the map now rather than spin until it removes itself.
                Remove(activation);
                continue;
            }

            if (_workers.TryGetValue(grainId, out var pool))
            {
                pool.Deliver(request);
                return;
            }

            if (_stopping && !SystemTargets.SystemTargetIds.IsSystemTarget(grainId))
            {
                // Handed over: the router sends it to the silo that now owns the grain (or fails it if none is left).
                Router.Route(request);
                return;
            }

            if (!_classes.TryGet(grainId.Type, out var classInfo))
            {
                CompleteRequest(request, new SwarmException(
                    $"No grain class on silo {_shared.Silo.SiloAddress} implements grain type '{grainId.Type}' (called {request} on {grainId})."));
                return;
            }

            if (classInfo.IsStatelessWorker)
            {
                _workers.GetOrAdd(grainId, static (id, state) => new StatelessWorkerPool(id, state.classInfo, state.catalog), (classInfo, catalog: this))
                    .Deliver(request);
                return;
            }

            var created = CreateActivation(grainId, classInfo);
            if (_activations.TryAdd(grainId, created))
            {
                // Registered first, then enqueue, then activate: the request waits in the mailbox for OnActivateAsync.
                created.TryEnqueue(request);
                created.ScheduleActivation();
                return;
            }
        }
    }

    internal ActivationData CreateActivation(GrainId grainId, GrainClassInfo classInfo) =>
        new(grainId, classInfo, this, _shared, Interlocked.Increment(ref _activationNumber));

    /// <summary>
    /// Ends a request: one-way calls only log a failure; a local caller gets a copy of a mutable result; a response
    /// sink (filter, timer, remote caller) gets the outcome instead of the caller.
    /// </summary>
    public void CompleteRequest(GrainRequest request, Exception? error, bool resultIsPrivate = false) =>
        EndRequest(request, error, resultIsPrivate, settleOnly: false);

    /// <summary>
    /// Ends a request as <see cref="CompleteRequest"/> does, except that a caller awaiting it directly is not released
    /// yet: true says its outcome is settled and the activation must call <see cref="GrainRequest.ReleaseCaller"/>.
    /// </summary>
    public bool SettleRequest(GrainRequest request, Exception? error) =>
        EndRequest(request, error, resultIsPrivate: false, settleOnly: true);

    private bool EndRequest(GrainRequest request, Exception? error, bool resultIsPrivate, bool settleOnly)
    {
        if ((request.Options & InvokeOptions.OneWay) != 0)
        {
            if (error is not null)
            {
                LogOneWayFailed(_logger, error, request, request.TargetId);
            }

            CountOutcome(error);
            return false;
        }

        var sink = request.ResponseSink;
        if (error is null && !resultIsPrivate && (sink is null || sink.NeedsResultCopy))
        {
            try
            {
                request.CopyResult(_shared.Codecs);
            }
            catch (Exception exception)
            {
                error = exception;
            }
        }

        _outstanding.TryRemove(request);
        request.CancellationRegistration.Dispose();
        CountOutcome(error);
        if (sink is not null)
        {
            sink.OnResponse(request, error);
        }
        else if (settleOnly)
        {
            return request.TrySettle(error);
        }
        else if (error is null)
        {
            request.Complete();
        }
        else
        {
            request.Fail(error);
        }

        return false;
    }

    public void OnActivationFailed(ActivationData activation) => Remove(activation);

    public void OnDeactivated(ActivationData activation, DeactivationReason reason, GrainRequest[] handOver)
    {
        Remove(activation);
        _shared.Instruments.ActivationsDeactivated.Add(1, new KeyValuePair<string, object?>("reason", reason.ReasonCode.ToString()));
        foreach (var request in handOver)
        {
            Router.Route(request);
        }
    }

    /// <summary>
    /// An activation lost its directory registration to <paramref name="winner"/> before running any user code: it
    /// leaves, and its queued requests go to the winner.
    /// </summary>
    public void OnDuplicate(ActivationData activation, GrainAddress winner, GrainRequest[] queued)
    {
        Remove(activation);
        LogDuplicate(_logger, activation.GrainId, winner.SiloAddress, queued.Length);
        foreach (var request in queued)
        {
            Router.ForwardTo(request, winner.SiloAddress);
        }
    }

    /// <summary>Deactivates everything (silo shutdown); requests arriving from now on fail with <see cref="SiloUnavailableException"/>.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping.");
        var all = Activations.ToArray();
        foreach (var activation in all)
        {
            activation.StartDeactivation(reason);
        }

        // Bounded: an activation whose turn never ends (a call it awaits that nobody will answer during a stop) must
        // not cost the silo its remaining stop steps. Such activations are named in the log and left behind.
        var deactivated = Task.WhenAll(all.Select(static a => a.Deactivated));
        var limit = _shared.Collection.DeactivationTimeout;
        try
        {
            await deactivated.WaitAsync(limit, _shared.TimeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            var outstanding = all.Where(static a => !a.Deactivated.IsCompleted).ToArray();
            LogDeactivationsOutstanding(_logger, outstanding.Length, limit, string.Join(", ", outstanding.Take(10).Select(static a => a.GrainId.ToString())));
        }
    }

    private void Remove(ActivationData activation)
    {
        if (activation.ClassInfo.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var pool))
            {
                pool.Remove(activation);
            }

            return;
        }

        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }

    private void CountOutcome(Exception? error)
    {
        if (error is null)
        {
            // Checked first: with no listener (the usual case) the counter is not even called on the call path.
            if (_shared.Instruments.CallsCompleted.Enabled)
            {
                _shared.Instruments.CallsCompleted.Add(1);
            }
        }
        else
        {
            _shared.Instruments.CallsFailed.Add(1, new KeyValuePair<string, object?>("exception", error.GetType().Name));
        }
    }

    [LoggerMessage(SiloEventIds.ShutdownDeactivationsOutstanding, LogLevel.Warning, "{Count} activations had not deactivated {Limit} into the silo's stop and are left behind: {GrainIds}")]
    private static partial void LogDeactivationsOutstanding(ILogger logger, int count, TimeSpan limit, string grainIds);

    [LoggerMessage(SiloEventIds.DuplicateActivation, LogLevel.Information, "Grain {GrainId} is already active on {Winner}; this activation stands down and forwards {Count} queued calls")]
    private static partial void LogDuplicate(ILogger logger, GrainId grainId, SiloAddress winner, int count);

    [LoggerMessage(SiloEventIds.OneWayCallFailed, LogLevel.Warning, "One-way call {Request} on grain {GrainId} failed; the caller does not see it")]
    private static partial void LogOneWayFailed(ILogger logger, Exception exception, GrainRequest request, GrainId grainId);
}
