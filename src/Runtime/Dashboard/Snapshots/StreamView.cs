namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Stream events on this silo per second over the last interval, and the lag of persistent subscriptions.</summary>
internal sealed record StreamView(double ProducedPerSecond, double DeliveredPerSecond, double DroppedPerSecond, IReadOnlyList<StreamLagView> Lag);
