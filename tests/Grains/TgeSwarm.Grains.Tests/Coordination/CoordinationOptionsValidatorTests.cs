using TgeSwarm.Grains.Coordination.Memory;
using TgeSwarm.Grains.Coordination.Queen;

namespace TgeSwarm.Grains.Tests.Coordination;

public sealed class CoordinationOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new QueenOptionsValidator().Validate(null, new QueenOptions()).Succeeded);
        Assert.True(new MemoryOptionsValidator().Validate(null, new MemoryOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_queen_setting_is_named()
    {
        var result = new QueenOptionsValidator().Validate(null, new QueenOptions
        {
            ReconcileInterval = TimeSpan.Zero,
            MaxRestartAttempts = -1,
            RestartCooldown = Timeout.InfiniteTimeSpan,
            StatusTimeout = TimeSpan.FromSeconds(-1),
            CallTimeout = TimeSpan.Zero,
            MaxActions = 5,
            MaxShards = 0,
        });

        Assert.Equal(7, result.Failures!.Count());
        Assert.Contains(result.Failures!, static f => f.StartsWith("Coordination:Queen:MaxRestartAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_bad_memory_setting_is_named()
    {
        var result = new MemoryOptionsValidator().Validate(null, new MemoryOptions
        {
            MaxValueBytes = 1_000,
            MaxNamespaceBytes = 10,
            MaxKeys = 0,
            MaxKeyLength = 0,
            PurgeInterval = TimeSpan.Zero,
        });

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, static f => f.StartsWith("Coordination:Memory:MaxNamespaceBytes", StringComparison.Ordinal));
    }
}
