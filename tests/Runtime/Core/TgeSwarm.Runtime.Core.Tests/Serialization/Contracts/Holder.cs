namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>A grain reference and an exception as members.</summary>
[GenerateSerializer]
public sealed class Holder
{
    [Id(0)]
    public ICounterGrain? Counter { get; set; }

    [Id(1)]
    public Exception? Failure { get; set; }
}
