namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>[Id] directly on positional parameters, as Orleans allows.</summary>
[GenerateSerializer]
public sealed record Trade([Id(0)] string Symbol, [Id(1)] decimal Price, [Id(2)] long Size, [Id(3)] DateTime Time, [Id(4)] TradeSide Side);
