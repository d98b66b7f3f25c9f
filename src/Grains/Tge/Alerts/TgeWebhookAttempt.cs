namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>One try's result, the status (0 when no answer came), the receiver's Retry-After and what went wrong.</summary>
internal readonly record struct TgeWebhookAttempt(TgeWebhookResult Result, int Status, TimeSpan? RetryAfter, string Detail);
