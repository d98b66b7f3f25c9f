using System.Diagnostics.Metrics;

namespace TgeSwarm.Grains.Tge;

/// <summary>
/// The TGE pipeline's metrics on the <c>TgeSwarm.Tge</c> meter, per silo: items the keyword stage classified and
/// why it turned the negatives down, candidates published, what the event grains did with them, and webhook
/// deliveries by outcome.
/// </summary>
internal sealed class TgeDetectionInstruments
{
    public const string MeterName = "TgeSwarm.Tge";

    private readonly Counter<long> _items;
    private readonly Counter<long> _negatives;
    private readonly Counter<long> _candidates;
    private readonly Counter<long> _merged;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _webhooks;

    public TgeDetectionInstruments(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _items = Meter.CreateCounter<long>("tge.keyword.items", unit: "{item}", description: "Items the keyword stage classified.");
        _negatives = Meter.CreateCounter<long>(
            "tge.keyword.negatives", unit: "{item}", description: "Items classified as no TGE, by reason: the veto rule id, no-positive, low-confidence or no-token.");
        _candidates = Meter.CreateCounter<long>("tge.keyword.candidates", unit: "{candidate}", description: "Candidates published on tge.candidates (one per token of a positive).");
        _merged = Meter.CreateCounter<long>("tge.events.merged", unit: "{candidate}", description: "Candidates the event grains handled, by outcome.");
        _rejected = Meter.CreateCounter<long>("tge.events.rejected", unit: "{candidate}", description: "Candidates the event grains refused, by reason.");
        _webhooks = Meter.CreateCounter<long>("tge.alerts.webhook", unit: "{notice}", description: "Webhook deliveries by outcome: delivered, given_up, refused, dropped, filtered.");
    }

    /// <summary>The meter itself, so a listener can tell this silo's instruments from another's in the same process.</summary>
    public Meter Meter { get; }

    public void Classified(int items) => _items.Add(items);

    public void Negative(string reason) => _negatives.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void CandidatesPublished(int candidates) => _candidates.Add(candidates);

    public void Merged(string outcome) => _merged.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Webhook(string outcome, string host) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("host", host));
}
