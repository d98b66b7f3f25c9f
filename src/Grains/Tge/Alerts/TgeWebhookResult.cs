namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>How one try of a webhook delivery ended.</summary>
internal enum TgeWebhookResult
{
    Delivered,

    /// <summary>5xx, 408, 429, a timeout or a connection failure: worth another try.</summary>
    Retry,

    /// <summary>Any other answer (4xx, a redirect): the receiver will not take this notice; trying again cannot help.</summary>
    Refused,
}
