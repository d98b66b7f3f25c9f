namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>A TGE phrasing of one kind, with the confidence it carries on its own.</summary>
internal sealed class TgePositiveRule
{
    public string Id { get; set; } = "";

    /// <summary>listing, launchpool, launchpad, megadrop, airdrop, tge or sale.</summary>
    public string Kind { get; set; } = "";

    public double Confidence { get; set; }

    /// <summary>Whether the rule only counts on a crypto item (a symbol, a venue or a crypto word present).</summary>
    public bool RequiresContext { get; set; }

    public bool CaseSensitive { get; set; }

    public IReadOnlyList<string> Patterns { get; set; } = [];
}
