namespace TgeSwarm.Runtime.Messaging;

[Flags]
internal enum MessageFlags : byte
{
    None = 0,

    /// <summary>No response is expected.</summary>
    OneWay = 1,

    /// <summary>The sender chose the target silo by placement: it activates the grain there instead of routing again.</summary>
    Placed = 2,
}
