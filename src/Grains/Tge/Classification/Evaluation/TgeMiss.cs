using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>A labelled item the classifier got wrong, and how.</summary>
internal sealed record TgeMiss(TgeLabel Label, TgeClassification Verdict, string What);
