using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// Decides, per trade and per book update of one venue, whether it may enter the pipeline, and if not, why.
/// <para>
/// The checks run cheapest and most basic first, and the first failure is the reason: schema (the fields every later
/// stage relies on), unknown instrument, price and size ranges, a crossed book, the event time against the clock
/// (too far ahead, too old), and for trades last the statistical check of <see cref="PriceAnomalyDetector"/>, because
/// it is the only one with state: a trade updates its instrument's price history only once everything else passed,
/// so a record rejected for another reason never shifts the baseline.
/// </para>
/// <para>
/// Decisions that look like rejections but are not: a trade with an unknown side is accepted (several venues' feeds
/// legitimately omit it, and no later stage needs it) and counted in <see cref="ValidationStatistics.UnknownSides"/>;
/// an empty trade id is accepted from Kraken v1, which sends none; a zero size in a delta removes a level and is
/// valid, while in a snapshot it is not. Events are never modified here: that is the transform stage's job.
/// </para>
/// A failure mode to know: with <see cref="MarketValidationOptions.MaxAge"/> set, replaying an old recording without
/// rebasing its times rejects every event as stale; the rejects say so per reason. Not thread-safe: one validator
/// belongs to one validation grain activation.
/// </summary>
internal sealed partial class MarketValidator
{
    private readonly TimeProvider _time;
    private readonly HashSet<string>? _instruments;
    private readonly long? _maxSkewMicros;
    private readonly long? _maxAgeMicros;
    private readonly double? _anomalyThreshold;
    private readonly MarketValidationOptions _options;
    private readonly Dictionary<string, PriceAnomalyDetector> _detectors = new(StringComparer.Ordinal);
    private string? _lastInstrument;
    private PriceAnomalyDetector? _lastDetector;

    public MarketValidator(MarketValidationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _instruments = options.Instruments.Count == 0 ? null : new HashSet<string>(options.Instruments, StringComparer.Ordinal);
        _maxSkewMicros = options.MaxClockSkew is { } skew ? skew.Ticks / 10 : null;
        _maxAgeMicros = options.MaxAge is { } age ? age.Ticks / 10 : null;
        _anomalyThreshold = options.PriceAnomalyThreshold;
    }

    public ValidationStatistics Statistics { get; } = new();

    /// <summary>Instruments the price check keeps a history for.</summary>
    public int TrackedInstruments => _detectors.Count;

    private bool IsKnownInstrument(string instrument) => _instruments is null || _instruments.Contains(instrument);

    /// <summary>The time checks, with the clock read once per event and not at all when both are off.</summary>
    private bool TryCheckTime(long timestamp, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        reason = null;
        detail = null;
        if (_maxSkewMicros is null && _maxAgeMicros is null)
        {
            return true;
        }

        var now = MarketTimestamps.FromDateTimeOffset(_time.GetUtcNow());
        if (_maxSkewMicros is { } skew && timestamp - now > skew)
        {
            reason = ValidationReasons.FutureTimestamp;
            detail = string.Create(CultureInfo.InvariantCulture, $"timestamp {timestamp} is {(timestamp - now) / 1e6:0.######} s ahead of the clock ({now}); allowed skew {_options.MaxClockSkew}");
            return false;
        }

        if (_maxAgeMicros is { } age && now - timestamp > age)
        {
            reason = ValidationReasons.StaleTimestamp;
            detail = string.Create(CultureInfo.InvariantCulture, $"timestamp {timestamp} is {(now - timestamp) / 1e6:0.######} s old (clock {now}); allowed age {_options.MaxAge}");
            return false;
        }

        return true;
    }

    private bool Reject(string reason, string detail, out string rejectedReason, out string rejectedDetail)
    {
        Statistics.Reject(reason);
        rejectedReason = reason;
        rejectedDetail = detail;
        return false;
    }
}
