namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>
/// A small state with a number, a text and a list, enough to show a round trip is field by field. Generated
/// codec for the Binary format, plain System.Text.Json for the Json format.
/// </summary>
[GenerateSerializer]
public sealed record CounterState(
    [property: Id(0)] int Count,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<string> Tags)
{
    public static CounterState Empty { get; } = new(0, "", []);

    public bool Matches(CounterState other) =>
        Count == other.Count && Label == other.Label && Tags.SequenceEqual(other.Tags);
}
