namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// How a new token first reaches the market (DESIGN.md, "What counts as a TGE event"). <see cref="None"/> for an
/// item that announces no TGE.
/// </summary>
public enum TgeKind
{
    None = 0,
    Listing = 1,
    Launchpool = 2,
    Launchpad = 3,
    Megadrop = 4,
    Airdrop = 5,
    Tge = 6,
    Sale = 7,
}
