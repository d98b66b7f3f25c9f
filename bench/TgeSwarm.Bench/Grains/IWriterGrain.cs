namespace TgeSwarm.Bench.Grains;

/// <summary>The PostgreSQL benchmark's grain: each call replaces its state and writes it.</summary>
public interface IWriterGrain : IGrainWithIntegerKey
{
    Task<long> WriteAsync(long sequence, string payload);
}
