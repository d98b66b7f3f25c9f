using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Validation;

internal sealed partial class MarketValidator
{
    /// <summary>Whether <paramref name="trade"/> may pass; if not, the <see cref="ValidationReasons"/> code why.</summary>
    public bool TryValidate(Trade trade, [NotNullWhen(false)] out string? reason) => TryValidate(trade, out reason, out _);

    /// <summary>As <see cref="TryValidate(Trade, out string?)"/>, with a readable detail for the reject record.</summary>
    public bool TryValidate(Trade trade, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (!TryCheckTradeFields(trade, out reason, out detail)
            || !TryCheckTime(trade.Timestamp, out reason, out detail))
        {
            return Reject(reason, detail, out reason, out detail);
        }

        var verdict = AnomalyVerdict.Accepted;
        if (_anomalyThreshold is { } threshold)
        {
            verdict = DetectorOf(trade.Instrument, threshold).Observe(trade.Price, out var score);
            if (verdict == AnomalyVerdict.Rejected)
            {
                return Reject(
                    ValidationReasons.PriceAnomaly,
                    string.Create(CultureInfo.InvariantCulture, $"price {trade.Price}: log move {score.Move:G6} scores |z| {score.Z:G4} > {threshold} (median move {score.Median:G6}, scale {score.Scale:G6})"),
                    out reason,
                    out detail);
            }
        }

        Statistics.TradeAccepted(trade.Side == TradeSide.Unknown, verdict == AnomalyVerdict.Reanchored);
        reason = null;
        detail = null;
        return true;
    }

    private bool TryCheckTradeFields(Trade trade, [NotNullWhen(false)] out string? reason, [NotNullWhen(false)] out string? detail)
    {
        (reason, detail) = trade switch
        {
            { Instrument: null or "" } => (ValidationReasons.Schema, "missing instrument"),
            { TradeId: null } => (ValidationReasons.Schema, "missing trade id"),
            { TradeId: "", Venue: not Venue.KrakenV1 } => (ValidationReasons.Schema, "missing trade id (the venue sends one)"),
            { Side: not (TradeSide.Unknown or TradeSide.Buy or TradeSide.Sell) } => (ValidationReasons.Schema, $"side {(int)trade.Side} is not a trade side"),
            { Timestamp: < MarketTimestamps.MinPlausible } => (ValidationReasons.Schema, string.Create(CultureInfo.InvariantCulture, $"timestamp {trade.Timestamp} is not UTC microseconds since 2000")),
            _ when !IsKnownInstrument(trade.Instrument) => (ValidationReasons.UnknownInstrument, $"instrument {trade.Instrument} is not configured"),
            { Price: <= 0 } => (ValidationReasons.NonPositivePrice, string.Create(CultureInfo.InvariantCulture, $"price {trade.Price}")),
            { Size: <= 0 } => (ValidationReasons.NonPositiveSize, string.Create(CultureInfo.InvariantCulture, $"size {trade.Size}")),
            _ => (null, null),
        };
        return reason is null;
    }

    private PriceAnomalyDetector DetectorOf(string instrument, double threshold)
    {
        // Parsers intern instrument names, so consecutive trades of one instrument usually share the string.
        if (ReferenceEquals(instrument, _lastInstrument))
        {
            return _lastDetector!;
        }

        var detector = GetOrAddDetector(instrument, threshold);
        _lastInstrument = instrument;
        _lastDetector = detector;
        return detector;
    }

    private PriceAnomalyDetector GetOrAddDetector(string instrument, double threshold)
    {
        if (!_detectors.TryGetValue(instrument, out var detector))
        {
            detector = new PriceAnomalyDetector(
                _options.PriceAnomalyWindow,
                _options.PriceAnomalyWarmUp,
                threshold,
                _options.PriceAnomalyMinMove,
                _options.PriceAnomalyConfirmations);
            _detectors.Add(instrument, detector);
        }

        return detector;
    }
}
