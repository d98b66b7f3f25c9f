namespace TgeSwarm.Runtime.Membership;

/// <summary>A vote by <paramref name="Voter"/> that a silo is dead, cast at <paramref name="Time"/>.</summary>
public readonly record struct SuspectVote(SiloAddress Voter, DateTimeOffset Time);
