namespace TgeSwarm.TestGrains;

/// <summary>Grains that only report where they run, one interface per placement strategy.</summary>
public interface IPreferLocalGrain : IGrainWithStringKey
{
    Task<string> GetIdentityAsync();
}

public interface IRandomPlacedGrain : IGrainWithStringKey
{
    Task<string> GetIdentityAsync();
}
