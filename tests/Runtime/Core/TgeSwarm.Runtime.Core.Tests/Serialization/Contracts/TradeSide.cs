namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

[GenerateSerializer]
public enum TradeSide : byte
{
    Buy = 1,
    Sell = 2,
}
