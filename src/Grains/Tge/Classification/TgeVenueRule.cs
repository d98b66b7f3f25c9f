namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>A venue's canonical name and the pattern that finds it in a title.</summary>
internal sealed class TgeVenueRule
{
    public string Name { get; set; } = "";

    public string Pattern { get; set; } = "";
}
