namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// The price check's learned baselines, read out to be shared and seeded back after a restart (the validation grain
/// does both through the memory coordinator; see VALIDATION.md, "Sharing what the price check learned").
/// </summary>
internal sealed partial class MarketValidator
{
    /// <summary>The z-score cut in force; null when the price check is off.</summary>
    public double? AnomalyThreshold => _anomalyThreshold;

    /// <summary>
    /// Seeds <paramref name="instrument"/>'s detector with a remembered baseline (see <see cref="PriceAnomalyDetector.Seed"/>).
    /// False when the price check is off, the instrument is not one this validator accepts, or its own window is past
    /// warm-up already.
    /// </summary>
    public bool Seed(string instrument, double median, double scale)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrument);
        return _anomalyThreshold is { } threshold
            && IsKnownInstrument(instrument)
            && GetOrAddDetector(instrument, threshold).Seed(median, scale);
    }

    /// <summary>Adds to <paramref name="into"/> every instrument whose detector is past warm-up, with the baseline it scores against.</summary>
    public void CollectLearnedBaselines(List<KeyValuePair<string, AnomalyBaseline>> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        foreach (var (instrument, detector) in _detectors)
        {
            if (detector.TryGetBaseline(out var baseline) && !baseline.Recalled)
            {
                into.Add(new(instrument, baseline));
            }
        }
    }
}
