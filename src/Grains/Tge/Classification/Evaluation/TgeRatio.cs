namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>A figure as the count behind it: <see cref="Hits"/> out of <see cref="Total"/>.</summary>
internal readonly record struct TgeRatio(int Hits, int Total)
{
    public double? Value => Total == 0 ? null : (double)Hits / Total;
}
