namespace TgeSwarm.TestGrains;

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> GetKeyAsync() => Task.FromResult(GetPrimaryKey());
}
