namespace TgeSwarm.TestGrains;

public interface IReentrantConcurrencyGrain : IConcurrencyGrain;
