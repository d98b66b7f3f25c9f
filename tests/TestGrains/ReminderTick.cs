namespace TgeSwarm.TestGrains;

/// <summary>One tick as a reminder grain saw it: its status and the silo its activation ran on.</summary>
public sealed record ReminderTick(TickStatus Status, string Silo);
