namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>Settings of the keyword stage's classifier (section <c>Tge:Classifier</c>).</summary>
internal sealed class TgeClassifierOptions
{
    public const string SectionName = "Tge:Classifier";

    /// <summary>
    /// A rules file (JSON, CLASSIFIER.md) to use instead of the rules shipped in the assembly. Default: none, the
    /// shipped rules. Lets operators tune the rules without a release.
    /// </summary>
    public string? RulesPath { get; set; }
}
