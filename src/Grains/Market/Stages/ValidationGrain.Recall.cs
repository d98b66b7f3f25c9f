using System.Collections.Concurrent;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Taking back, on activation, the baselines shared by earlier activations of this venue. The read runs on the thread
/// pool, outside the grain's turns (a turn awaiting the memory grain would hold back the stream's batches), so the
/// subscription and the first batches never wait for it. It pages through the venue's keys and queues each usable
/// finding as its page arrives; every batch turn first seeds the detectors from that queue, so a finding is in force
/// from the batch after it arrived (a detector already past warm-up keeps its own baseline). The whole read is bounded
/// by <see cref="MarketValidationOptions.AnomalyRecallTimeout"/> on the injected clock. A value that cannot seed (another
/// shape, a scale that is not positive) is skipped; a read that fails or runs out of time costs a warning and leaves
/// the instruments not yet seeded to warm up unchecked.
/// </summary>
internal sealed partial class ValidationGrain
{
    private const int RecallPageSize = 100;

    private readonly ConcurrentQueue<KeyValuePair<string, AnomalyFinding>> _recalled = new();

    private void StartRecall()
    {
        if (_validator.AnomalyThreshold is not null)
        {
            var memory = GrainFactory.GetGrain<IMemoryGrain>(AnomalyFindings.Namespace);
            var cancellationToken = _deactivating.Token;
            RunOutsideTurns(() => RecallAsync(memory, cancellationToken), "recall");
        }
    }

    /// <summary>Seeds the detectors with what the recall has read so far; called at the start of a batch turn, so almost always a check of an empty queue.</summary>
    private void SeedRecalled()
    {
        while (_recalled.TryDequeue(out var recalled))
        {
            _validator.Seed(recalled.Key, recalled.Value.Median, recalled.Value.Scale);
        }
    }

    /// <summary>Runs on the thread pool, outside the grain's turns: it hands what it reads over through <see cref="_recalled"/> only.</summary>
    private async Task RecallAsync(IMemoryGrain memory, CancellationToken cancellationToken)
    {
        var prefix = AnomalyFindings.Prefix(_venue);
        var deadline = time.GetUtcNow() + options.Value.AnomalyRecallTimeout;
        var found = 0;
        var ignored = 0;
        string? cursor = null;
        try
        {
            do
            {
                var remaining = deadline - time.GetUtcNow();
                var page = await memory.ListAsync(prefix, RecallPageSize, cursor, cancellationToken)
                    .WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, cancellationToken)
                    .ConfigureAwait(false);
                foreach (var entry in page.Items)
                {
                    if (Usable(entry, prefix) is { } finding)
                    {
                        _recalled.Enqueue(finding);
                        found++;
                    }
                    else
                    {
                        ignored++;
                    }
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activation is going away; nobody would read the rest.
            return;
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
        {
            Log.RecallFailed(logger, exception, _venue, AnomalyFindings.Namespace, found);
            return;
        }

        Log.Recalled(logger, _venue, found, ignored, AnomalyFindings.Namespace);
    }

    /// <summary>The entry's instrument and finding, or null (logged at debug) when it cannot seed a detector.</summary>
    private KeyValuePair<string, AnomalyFinding>? Usable(MemoryEntry entry, string prefix)
    {
        var instrument = entry.Key[prefix.Length..];
        string? why;
        if (instrument.Length == 0)
        {
            why = "no instrument in the key";
        }
        else if (AnomalyFindings.TryRead(entry.Value, out var finding, out why))
        {
            return new(instrument, finding);
        }

        Log.FindingIgnored(logger, _venue, entry.Key, why);
        return null;
    }
}
