namespace TgeSwarm.Grains.Coordination;

/// <summary>Log event ids of the queen (5700–5729) and the memory grains (5730–5749), in one place so no two messages share one.</summary>
internal static class CoordinationEventIds
{
    public const int QueenAction = 5700;
    public const int QueenActionFailed = 5701;
    public const int AgentStatusUnreadable = 5702;
    public const int AgentCooldown = 5703;
    public const int AgentAlert = 5704;
    public const int AgentRecovered = 5705;
    public const int PersistFailed = 5706;
    public const int QueenHalted = 5707;
    public const int QueenActivated = 5708;
    public const int QueenAwake = 5709;
    public const int QueenNotAwake = 5710;
    public const int PassCutByStop = 5711;

    public const int MemoryPurged = 5730;
    public const int MemoryRejected = 5731;
}
