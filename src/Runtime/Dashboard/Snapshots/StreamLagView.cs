namespace TgeSwarm.Runtime.Dashboard.Snapshots;

internal sealed record StreamLagView(string Provider, string Stream, string Subscription, long PendingEvents, long PendingRows);
