namespace TgeSwarm.Runtime;

/// <summary>A silo's membership status, in the order a silo moves through them.</summary>
[GenerateSerializer]
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
