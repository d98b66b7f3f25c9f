namespace TgeSwarm.TestGrains;

/// <summary>Provider names and stream namespaces the stream test grains and the tests agree on.</summary>
public static class StreamTestNames
{
    public const string MemoryProvider = "mem";

    public const string PostgresProvider = "pg";

    /// <summary>Consumed implicitly, on <see cref="PostgresProvider"/>, by <see cref="PersistentConsumerGrain"/>.</summary>
    public const string PersistentNamespace = "test.persistent";

    /// <summary>Consumed implicitly by <see cref="ImplicitConsumerGrain"/>.</summary>
    public const string ImplicitNamespace = "test.implicit";

    /// <summary>Consumed implicitly by <see cref="SilentConsumerGrain"/>, which never attaches a handler.</summary>
    public const string SilentNamespace = "test.silent";

    /// <summary>No implicit subscriber: only explicit subscriptions.</summary>
    public const string ExplicitNamespace = "test.explicit";

    /// <summary>The signals key of the events a consumer received.</summary>
    public static string Received(string consumer) => $"received/{consumer}";

    /// <summary>The signals key of the batch sizes a consumer's turns received.</summary>
    public static string Batches(string consumer) => $"batches/{consumer}";

    /// <summary>While set in the signals' values, the consumer waits at gate <c>release/{consumer}</c> after gate <c>entered/{consumer}</c> opens.</summary>
    public static string Block(string consumer) => $"block/{consumer}";
}
