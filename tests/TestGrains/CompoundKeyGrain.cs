namespace TgeSwarm.TestGrains;

public sealed class CompoundKeyGrain : Grain, ICompoundKeyGrain
{
    public Task<string> GetKeyAsync()
    {
        var key = GetPrimaryKeyLong(out var extension);
        return Task.FromResult($"{key}+{extension}");
    }
}
