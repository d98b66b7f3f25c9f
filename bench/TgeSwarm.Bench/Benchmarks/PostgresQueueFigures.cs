namespace TgeSwarm.Bench.Benchmarks;

/// <summary>Events per second put into the queues and events per second read and acknowledged, over the same window.</summary>
internal readonly record struct PostgresQueueFigures(double EnqueuedPerSecond, double AcknowledgedPerSecond);
