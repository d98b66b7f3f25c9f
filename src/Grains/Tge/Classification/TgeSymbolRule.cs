namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>A place a token symbol may be read from; the pattern has a <c>sym</c> group and may have a <c>name</c> group.</summary>
internal sealed class TgeSymbolRule
{
    public string Id { get; set; } = "";

    public string Pattern { get; set; } = "";
}
