using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Taking back, on activation, the baselines shared by earlier activations of this venue. The read runs on its own
/// interleaving one-shot timer, so the stream subscription never waits for it; it pages through the venue's keys and
/// seeds each instrument as its page arrives (a trade validated meanwhile warms up as usual, and a detector already past
/// warm-up keeps its own baseline). The whole read is bounded by <see cref="MarketValidationOptions.AnomalyRecallTimeout"/>
/// on the injected clock. A value that cannot seed (another shape, a scale that is not positive) is skipped; a read that
/// fails or runs out of time costs a warning and leaves the remaining instruments to warm up unchecked.
/// </summary>
internal sealed partial class ValidationGrain
{
    private const int RecallPageSize = 100;

    private void ScheduleRecall()
    {
        if (_validator.AnomalyThreshold is not null)
        {
            RegisterGrainTimer(
                static (grain, cancellationToken) => grain.RecallAsync(cancellationToken),
                this,
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    private async Task RecallAsync(CancellationToken cancellationToken)
    {
        var memory = GrainFactory.GetGrain<IMemoryGrain>(AnomalyFindings.Namespace);
        var prefix = AnomalyFindings.Prefix(_venue);
        var deadline = time.GetUtcNow() + options.Value.AnomalyRecallTimeout;
        var seeded = 0;
        var ignored = 0;
        string? cursor = null;
        try
        {
            do
            {
                var remaining = deadline - time.GetUtcNow();
                var page = await memory.ListAsync(prefix, RecallPageSize, cursor, cancellationToken)
                    .WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, cancellationToken);
                foreach (var entry in page.Items)
                {
                    if (TrySeed(entry, prefix))
                    {
                        seeded++;
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
        catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
        {
            Log.RecallFailed(logger, exception, _venue, AnomalyFindings.Namespace, seeded);
            return;
        }

        Log.Recalled(logger, _venue, seeded, ignored, AnomalyFindings.Namespace);
    }

    private bool TrySeed(MemoryEntry entry, string prefix)
    {
        if (WhyNotSeeded(entry.Key[prefix.Length..], entry.Value) is not { } why)
        {
            return true;
        }

        Log.FindingIgnored(logger, _venue, entry.Key, why);
        return false;
    }

    /// <summary>Seeds the instrument from the value; null when it did, else why not.</summary>
    private string? WhyNotSeeded(string instrument, string value)
    {
        if (instrument.Length == 0)
        {
            return "no instrument in the key";
        }

        if (!AnomalyFindings.TryRead(value, out var finding, out var why))
        {
            return why;
        }

        return _validator.Seed(instrument, finding.Median, finding.Scale)
            ? null
            : "the instrument is not validated here, or its own window is past warm-up";
    }
}
