namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>A script step placed on the timeline: which pass it belongs to and when it is due (recorded microseconds since the first pass began, before speed).</summary>
internal readonly record struct PlannedFrame(ScriptStep Step, long Pass, long DueMicros);
