namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>A small state with a number, a text and a list, enough to show a round trip is field by field.</summary>
public sealed record CounterState(int Count, string Label, IReadOnlyList<string> Tags)
{
    public static CounterState Empty { get; } = new(0, "", []);

    public bool Matches(CounterState other) =>
        Count == other.Count && Label == other.Label && Tags.SequenceEqual(other.Tags);
}
