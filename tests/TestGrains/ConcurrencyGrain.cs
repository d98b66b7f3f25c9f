namespace TgeSwarm.TestGrains;

public sealed class ConcurrencyGrain(TestSignals signals) : ConcurrencyGrainBase(signals), IConcurrencyGrain;
