namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// Alert delivery (section <c>Tge:Alerts</c>; the webhooks themselves are the list <c>Tge:Webhooks</c>, e.g.
/// <c>Tge:Webhooks:0:Url</c>, <c>Tge:Webhooks:0:Secret</c>, <c>Tge:Webhooks:0:Kinds:0=Listing</c>).
/// </summary>
internal sealed class TgeAlertOptions
{
    public const string SectionName = "Tge:Alerts";
    public const string WebhooksSectionName = "Tge:Webhooks";

    /// <summary>The webhooks every notice is offered to (bound from <see cref="WebhooksSectionName"/>). Default none.</summary>
    public List<TgeWebhookOptions> Webhooks { get; set; } = [];

    /// <summary>
    /// Notices waiting per webhook lane in memory. When a receiver is slower than the events (or down) the oldest
    /// waiting notice is dropped, counted and logged, so the stream never waits on a receiver. Default 1000. The
    /// PostgreSQL outbox keeps every notice in its table instead and ignores this.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// Lanes per webhook: notices of one event always take the same lane (in order), different events spread over
    /// the lanes, so one event's retries hold up a quarter of the traffic, not all of it. Default 4. With the
    /// PostgreSQL outbox: tries under way at once per webhook and silo (one event's notices still go one at a time).
    /// </summary>
    public int Lanes { get; set; } = 4;

    /// <summary>Tries per notice (the first one included) before it is given up, logged and counted. Default 6.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the second try; it doubles with each further one, with jitter. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries (also caps a receiver's Retry-After). Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one try may take before it counts as a timeout and is retried. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// With PostgreSQL (the outbox): how long a silo's claim on an outbox row lasts. A silo that dies holding claims
    /// delays those notices this long before another silo takes them; it must be longer than
    /// <see cref="AttemptTimeout"/>, since one claim is one try. Default 1 min.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With PostgreSQL (the outbox): how often each silo looks for due rows it was not woken for: other silos' rows
    /// whose lease ended, retries whose wait is over. A silo's own new rows are claimed at once. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Latest notices the alert grain keeps for views that poll it. Default 256.</summary>
    public int RecentNoticesKept { get; set; } = 256;
}
