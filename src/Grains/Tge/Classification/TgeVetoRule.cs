namespace TgeSwarm.Grains.Tge.Classification;

/// <summary>A look-alike: when any pattern matches (and no <see cref="Unless"/> pattern does) the item is no TGE.</summary>
internal sealed class TgeVetoRule
{
    public string Id { get; set; } = "";

    /// <summary>Why the look-alike is not a TGE; shown to operators, not used by the matcher.</summary>
    public string? Why { get; set; }

    /// <summary><c>title</c> (default) or <c>text</c> (title and summary).</summary>
    public string Scope { get; set; } = "title";

    public bool CaseSensitive { get; set; }

    public IReadOnlyList<string> Patterns { get; set; } = [];

    /// <summary>Patterns that lift the veto (a postponement that sets a new date).</summary>
    public IReadOnlyList<string> Unless { get; set; } = [];
}
