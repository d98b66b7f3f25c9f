namespace TgeSwarm.Runtime.Streams.Persistent;

/// <summary>Rewind: replaying a stream's retained rows to a subscription made with a sequence token.</summary>
internal sealed partial class PullingAgent
{
    /// <summary>Gives each new rewinding subscription of this queue its stream's retained rows up to the checkpoint.</summary>
    private async Task CatchUpRewindsAsync(CancellationToken stopping)
    {
        foreach (var (streamId, targets) in _provider.RewindingTargetsOfQueue(QueueId))
        {
            foreach (var target in targets)
            {
                await EnsureCaughtUpAsync(streamId, target, stopping);
            }
        }
    }

    /// <summary>
    /// Replays, once per subscription and start point, the retained rows of the stream from the subscription's start
    /// up to the checkpoint, so its live rows (above the checkpoint) come after its history.
    /// </summary>
    private async Task EnsureCaughtUpAsync(StreamId streamId, StreamTarget target, CancellationToken stopping)
    {
        if (!target.Rewinds)
        {
            return;
        }

        lock (_caughtUp)
        {
            if (!_caughtUp.Add((target.SubscriptionId, target.StartSequence)))
            {
                return;
            }
        }

        var from = target.StartSequence;
        var upTo = Checkpoint;
        while (from <= upTo && !stopping.IsCancellationRequested)
        {
            using var rows = await _storage.ReadStreamAsync(QueueId, streamId, from, _settings.MaxRowsPerRead, stopping);
            var replayed = 0;
            foreach (var row in rows)
            {
                if (row.Seq > upTo)
                {
                    break;
                }

                await DeliverWithRetriesAsync(row, target, owned: null, _provider.Decode(row.Payload));
                from = row.Seq + 1;
                replayed++;
            }

            if (replayed == 0)
            {
                break;
            }
        }

        LogRewound(_runtime.Logger, target.Consumer, streamId, target.StartSequence, upTo);
    }
}
