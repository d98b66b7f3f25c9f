namespace TgeSwarm.TestGrains;

[Reentrant]
public sealed class ReentrantConcurrencyGrain(TestSignals signals) : ConcurrencyGrainBase(signals), IReentrantConcurrencyGrain;
