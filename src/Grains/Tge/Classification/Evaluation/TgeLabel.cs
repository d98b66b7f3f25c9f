using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>One labelled item of an evaluation file (one JSON line; format in CLASSIFIER.md).</summary>
/// <param name="Line">1-based line number in the file, for the report.</param>
/// <param name="Kind">The expected kind of a positive, when the labeller gave one.</param>
/// <param name="Symbol">The expected symbol of a positive, when the labeller gave one.</param>
/// <param name="Reason">Why the item has its label; documentation only.</param>
internal sealed record TgeLabel(int Line, string Title, string? Summary, bool IsTge, TgeKind? Kind, string? Symbol, string? Reason);
