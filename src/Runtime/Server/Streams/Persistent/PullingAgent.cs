using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Streams.Persistent;

/// <summary>
/// Pulls one queue of a persistent stream provider on the silo that owns it.
///
/// Loop: read the rows above the queue's checkpoint; for each row, in seq order, deliver it to every subscription of
/// its stream (a turn per row and subscription; the subscriptions of a row in parallel, the rows one after another);
/// record how far each subscription got; then move the checkpoint past the rows. A failing delivery is retried with
/// backoff up to <see cref="PersistentStreamSettings.MaxDeliveryAttempts"/> times, then the row is dead-lettered for
/// that subscription, before the subscription's next row (DESIGN.md semantic 6). A subscription made with a sequence
/// token is first given its stream's retained rows from that seq up to the checkpoint, then the live rows.
///
/// Failure modes: a storage failure or a crash leaves the checkpoint where it was, so the rows since then are
/// delivered again (at-least-once; consumers see duplicates, never gaps). Stopping finishes the row in hand and
/// acknowledges what was delivered.
/// </summary>
internal sealed partial class PullingAgent
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SubscriptionRefresh = TimeSpan.FromMinutes(1);

    private readonly PersistentStreamProvider _provider;
    private readonly IStreamQueueStorage _storage;
    private readonly StreamRuntimeServices _runtime;
    private readonly PersistentStreamSettings _settings;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<StreamId, StreamTarget[]> _implicit = [];
    private readonly Dictionary<StreamId, long> _explicitRefreshedAt = [];
    private readonly HashSet<(Guid Subscription, long Start)> _caughtUp = [];
    private Task _run = Task.CompletedTask;

    public PullingAgent(PersistentStreamProvider provider, int queueId)
    {
        _provider = provider;
        _storage = provider.Storage;
        _runtime = provider.Runtime;
        _settings = _storage.Settings;
        QueueId = queueId;
    }

    public int QueueId { get; }

    /// <summary>The queue's acknowledged seq as this agent last saved it.</summary>
    public long Checkpoint { get; private set; } = -1;

    public void Start()
    {
        // The agent must not carry the execution context (request context) of whoever started it.
        using (ExecutionContext.SuppressFlow())
        {
            _run = Task.Run(RunAsync);
        }
    }

    /// <summary>Stops after the row in hand, with what was delivered acknowledged.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stop.Token;
        var nextTrim = 0L;
        LogAgentStarted(_runtime.Logger, QueueId, _provider.Name);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (Checkpoint < 0)
                {
                    Checkpoint = await _storage.GetCheckpointAsync(QueueId, stopping);
                }

                await CatchUpRewindsAsync(stopping);
                if (!await PollOnceAsync(stopping))
                {
                    if (_runtime.TimeProvider.GetTimestamp() >= nextTrim)
                    {
                        await TrimAsync(stopping);
                        nextTrim = _runtime.TimeProvider.GetTimestamp() + Ticks(_settings.TrimInterval);
                    }

                    await Task.Delay(_settings.PollInterval, _runtime.TimeProvider, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Storage down, a rendezvous grain unreachable: nothing past the checkpoint is acknowledged, so the
                // next round delivers those rows again. Logged, then retried after a pause.
                LogAgentFailed(_runtime.Logger, exception, QueueId, _provider.Name);
                Checkpoint = -1;
                await DelayQuietly(FailureDelay, stopping);
            }
        }

        LogAgentStopped(_runtime.Logger, QueueId, _provider.Name);
    }

    /// <summary>Delivers and acknowledges one read of rows; false if the queue had nothing new.</summary>
    private async Task<bool> PollOnceAsync(CancellationToken stopping)
    {
        using var rows = await _storage.ReadAsync(QueueId, Checkpoint, _settings.MaxRowsPerRead, stopping);
        if (rows.Count == 0)
        {
            return false;
        }

        var positions = new Dictionary<Guid, StreamSubscriptionPosition>();
        var done = Checkpoint;
        foreach (var row in rows)
        {
            await DeliverRowAsync(row, positions);
            done = row.Seq;
            if (stopping.IsCancellationRequested)
            {
                break;
            }
        }

        if (positions.Count > 0)
        {
            await _storage.SaveProgressAsync([.. positions.Values], CancellationToken.None);
        }

        Checkpoint = await _storage.SaveCheckpointAsync(QueueId, done, CancellationToken.None);
        return true;
    }

    private async Task DeliverRowAsync(StreamQueueRow row, Dictionary<Guid, StreamSubscriptionPosition> positions)
    {
        Array items;
        try
        {
            items = _provider.Decode(row.Payload);
        }
        catch (SerializationException exception)
        {
            // A row no silo can read would block the queue forever: set it aside whole, with the reason.
            await DeadLetterAsync(row, null, 0, exception);
            return;
        }

        var targets = await TargetsAsync(row.StreamId);
        var deliveries = new List<Task>(targets.Count);
        foreach (var target in targets)
        {
            if (target.Rewinds && row.Seq < target.StartSequence)
            {
                continue;
            }

            deliveries.Add(DeliverLiveAsync(row, target, deliveries.Count == 0 ? items : null, items));
            positions[target.SubscriptionId] = new StreamSubscriptionPosition(target.SubscriptionId, QueueId, row.StreamId, row.Seq);
        }

        if (deliveries.Count == 0)
        {
            _runtime.Instruments.Dropped(_provider.Name, DropReasons.NoSubscribers, row.EventCount);
            return;
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverLiveAsync(StreamQueueRow row, StreamTarget target, Array? owned, Array items)
    {
        // A rewinding subscription first heard of while delivering this row gets its history before it.
        await EnsureCaughtUpAsync(row.StreamId, target, CancellationToken.None);
        await DeliverWithRetriesAsync(row, target, owned, items);
    }

    /// <summary>Delivers a row to one subscription until it succeeds or the attempts run out (then dead-letters it).</summary>
    private async Task DeliverWithRetriesAsync(StreamQueueRow row, StreamTarget target, Array? owned, Array items)
    {
        Exception? last = null;
        var delay = FirstRetryDelay;
        for (var attempt = 1; attempt <= _settings.MaxDeliveryAttempts; attempt++)
        {
            // Each delivery gets events of its own: a consumer may change what it receives, and a retry must not
            // see the changes of the failed attempt.
            var request = new StreamDeliveryRequest
            {
                Provider = _provider.Name,
                StreamId = row.StreamId,
                SubscriptionId = target.SubscriptionId,
                Sequence = row.Seq,
                Items = attempt == 1 && owned is not null ? owned : _runtime.Codecs.GetCodec<object>().DeepCopy(items),
                StopOnError = true,
                ArgumentsArePrivate = true,
            };
            var pending = request.AsValueTask();
            _runtime.References.SendRequest(target.Reference, request);
            try
            {
                // Stopping abandons the row unacknowledged: the next owner delivers it again.
                await pending.AsTask().WaitAsync(_stop.Token);
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // Counted by the dead letter below if every attempt fails; a later success makes it moot.
                last = exception;
                LogDeliveryRetry(_runtime.Logger, target.Consumer, row.StreamId, row.Seq, attempt, _settings.MaxDeliveryAttempts, exception.GetType().Name, exception.Message);
            }

            if (attempt < _settings.MaxDeliveryAttempts)
            {
                await Task.Delay(delay, _runtime.TimeProvider, _stop.Token);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }

        await DeadLetterAsync(row, target, _settings.MaxDeliveryAttempts, last!);
    }

    private async Task DeadLetterAsync(StreamQueueRow row, StreamTarget? target, int attempts, Exception error)
    {
        await _storage.DeadLetterAsync(
            new StreamDeadLetterRecord(
                QueueId, row.Seq, 0, row.StreamId, target?.SubscriptionId ?? Guid.Empty, target?.Consumer.ToString() ?? "", row.EventCount, attempts,
                $"{error.GetType().FullName}: {error.Message}", row.Payload),
            CancellationToken.None);
        _runtime.Instruments.Dropped(_provider.Name, DropReasons.DeadLettered, row.EventCount);
        LogDeadLettered(_runtime.Logger, row.EventCount, row.StreamId, row.Seq, target?.Consumer.ToString() ?? "(no consumer: undecodable)", attempts, error.Message);
    }

    /// <summary>The stream's implicit subscriptions and its explicit ones (read from the rendezvous grain when unknown or stale).</summary>
    private async Task<List<StreamTarget>> TargetsAsync(StreamId streamId)
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        if (!_implicit.TryGetValue(streamId, out var implicitTargets))
        {
            implicitTargets = _runtime.ImplicitTargets(_provider.Name, streamId);
            _implicit[streamId] = implicitTargets;
        }

        var explicitTargets = _provider.KnownExplicitTargets(streamId);
        if (explicitTargets is null || !_explicitRefreshedAt.TryGetValue(streamId, out var refreshedAt) || now - refreshedAt >= Ticks(SubscriptionRefresh))
        {
            // Registering as the stream's producer makes the rendezvous grain push every later change here.
            var snapshot = await _runtime.PubSub(_provider.Name, streamId).RegisterProducer(_runtime.Silo.SiloAddress);
            _provider.SetExplicitTargets(streamId, _runtime.ExplicitTargets(snapshot));
            explicitTargets = _provider.KnownExplicitTargets(streamId)!;
            _explicitRefreshedAt[streamId] = now;
        }

        return [.. implicitTargets, .. explicitTargets];
    }

    private async Task TrimAsync(CancellationToken stopping)
    {
        var olderThan = _runtime.TimeProvider.GetUtcNow() - _settings.RetentionPeriod;
        var deleted = await _storage.TrimAsync(QueueId, olderThan, stopping);
        if (deleted > 0)
        {
            LogTrimmed(_runtime.Logger, deleted, QueueId, _provider.Name);
        }
    }

    private async Task DelayQuietly(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _runtime.TimeProvider, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the loop condition ends the agent.
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _runtime.TimeProvider.TimestampFrequency);
}
