namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>A row of the dead-letter table: the letter, its id (increasing in insertion order) and when it was written.</summary>
internal sealed record StoredDeadLetter(long Id, StreamDeadLetter Letter, DateTimeOffset DeadAt);
