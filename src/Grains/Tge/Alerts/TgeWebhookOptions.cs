using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>One webhook (an entry of <c>Tge:Webhooks</c>): where notices go, the signing secret and which notices it wants.</summary>
internal sealed class TgeWebhookOptions
{
    /// <summary>Absolute http(s) URL that receives each notice as a JSON POST. Required.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The HMAC-SHA256 key of the <c>X-TgeSwarm-Signature</c> header (EVENTS.md, "Webhooks"), at least 16 characters.
    /// Required: an unsigned alert could be forged by anyone who finds the URL.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Only events of these kinds; empty (the default) for all.</summary>
    public List<TgeKind> Kinds { get; set; } = [];

    /// <summary>Only events at least this confident, 0..1. Default 0: all.</summary>
    public double MinConfidence { get; set; }
}
