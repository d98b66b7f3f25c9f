namespace TgeSwarm.TestGrains;

[PreferLocalPlacement]
public sealed class PreferLocalGrain : Grain, IPreferLocalGrain
{
    public Task<string> GetIdentityAsync() => Task.FromResult(IdentityString);
}

[RandomPlacement]
public sealed class RandomPlacedGrain : Grain, IRandomPlacedGrain
{
    public Task<string> GetIdentityAsync() => Task.FromResult(IdentityString);
}
