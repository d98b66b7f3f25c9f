namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>Which half of a labelled set an evaluation covers.</summary>
internal enum TgeSplit
{
    All,
    Tune,
    HeldOut,
}
