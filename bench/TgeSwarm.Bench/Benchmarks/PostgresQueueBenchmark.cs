using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// The PostgreSQL stream queue's data layer end to end: events per second enqueued and then read and acknowledged
/// through <see cref="PostgresStreamQueueStore"/>, with 64-byte events batched 100 and 1000 to a row, beside raw
/// Npgsql inserting and reading the same rows into a plain table in the same run (<see cref="RawNpgsqlQueue"/>).
/// Both sides run <see cref="Producers"/> producers (one row per enqueue, streams spread over the queues by the
/// queue mapper) and one consumer per queue (read up to 100 rows after its checkpoint, touch every payload, save the
/// checkpoint), concurrently; best of three alternating rounds per side (one with <c>--quick</c>). Runs only when
/// <c>TGESWARM_TEST_POSTGRES</c> is set, in a schema of its own that it drops afterwards.
/// </summary>
internal static class PostgresQueueBenchmark
{
    public const int EventBytes = 64;
    public const int Queues = 8;
    public const int Producers = 4;
    public const int MaxRowsPerRead = 100;
    private const int Streams = 64;

    public static async Task RunAsync(BenchOptions options)
    {
        var connectionString = Environment.GetEnvironmentVariable("TGESWARM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("postgres_queue: skipped: TGESWARM_TEST_POSTGRES is not set (an Npgsql connection string, e.g. "
                + "Host=127.0.0.1;Port=5433;Username=swarm;Password=swarm;Database=swarm_test)");
            Report.Figure("postgres_queue.skipped", 1, "flag");
            return;
        }

        var schema = $"bench_pgq_{Guid.NewGuid():N}";
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        try
        {
            var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
            foreach (var eventsPerRow in new[] { 100, 1000 })
            {
                // Alternating rounds, best of each side: on a shared 2-core machine a burst of someone else's work
                // can halve one round, and it should not decide the ratio.
                var store = default(PostgresQueueFigures);
                var raw = default(PostgresQueueFigures);
                for (var round = 0; round < options.Pick(1, 3); round++)
                {
                    store = Best(store, await RunStoreAsync(scoped, eventsPerRow, round, options));
                    raw = Best(raw, await RawNpgsqlQueue.RunAsync(scoped, eventsPerRow, options));
                }

                var name = $"postgres_queue.batch{eventsPerRow}";
                Report.Figure($"{name}.events_per_s", store.AcknowledgedPerSecond, "events/s");
                Report.Figure($"{name}.baseline_npgsql.events_per_s", raw.AcknowledgedPerSecond, "events/s");
                Report.Ratio($"{name}.ratio_to_baseline", store.AcknowledgedPerSecond, raw.AcknowledgedPerSecond);
                Report.Figure($"{name}.enqueued_events_per_s", store.EnqueuedPerSecond, "events/s");
                Report.Figure($"{name}.baseline_npgsql.enqueued_events_per_s", raw.EnqueuedPerSecond, "events/s");
            }
        }
        finally
        {
            await admin.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }

    /// <summary>The stream (key) producer <paramref name="producer"/> writes to on its call <paramref name="call"/>.</summary>
    public static string StreamKey(int producer, long call) => $"instrument-{(producer * 17 + call) % Streams}";

    /// <summary>One row's payload: <paramref name="eventsPerRow"/> 64-byte events, as a serializer would have packed them.</summary>
    public static byte[] Payload(int eventsPerRow)
    {
        var payload = new byte[eventsPerRow * EventBytes];
        new Random(eventsPerRow).NextBytes(payload);
        return payload;
    }

    private static PostgresQueueFigures Best(PostgresQueueFigures a, PostgresQueueFigures b) =>
        a.AcknowledgedPerSecond >= b.AcknowledgedPerSecond ? a : b;

    private static async Task<PostgresQueueFigures> RunStoreAsync(string connectionString, int eventsPerRow, int round, BenchOptions options)
    {
        await using var databases = new PostgresDatabases(NullLoggerFactory.Instance);
        var database = databases.Get(connectionString);

        // Migrating waits for the database-wide migration lock, which must not eat into the warm-up.
        await database.EnsureMigratedAsync(CancellationToken.None);
        var store = new PostgresStreamQueueStore(database, "bench", TimeProvider.System, NullLogger<PostgresStreamQueueStore>.Instance);
        var provider = $"bench{eventsPerRow}-{round}";
        var mapper = new StreamQueueMapper(Queues);
        var payload = Payload(eventsPerRow);
        var checkpoints = new long[Queues];
        var load = new PostgresQueueLoad
        {
            Producers = Producers,
            Queues = Queues,
            Produce = async (producer, call) =>
            {
                var key = StreamKey(producer, call);
                await store.EnqueueAsync(provider, mapper.GetQueueId("bench", key), [new QueueBatch("bench", key, eventsPerRow, payload)], CancellationToken.None);
                return eventsPerRow;
            },
            Consume = async queue =>
            {
                using var rows = await store.ReadAsync(provider, queue, checkpoints[queue], MaxRowsPerRead, CancellationToken.None);
                if (rows.Count == 0)
                {
                    return 0;
                }

                var events = 0;
                foreach (var row in rows)
                {
                    events += Deliver(row.Payload.Span, row.EventCount);
                }

                checkpoints[queue] = await store.SaveCheckpointAsync(provider, queue, rows.LastSeq, CancellationToken.None);
                return events;
            },
        };
        return await load.RunAsync(options.WarmUp, options.Measure);
    }

    /// <summary>Stands in for handing the events to consumers: every event's bytes are read once.</summary>
    public static int Deliver(ReadOnlySpan<byte> payload, int eventCount)
    {
        var sum = 0;
        for (var offset = 0; offset < payload.Length; offset += EventBytes)
        {
            sum += payload[offset];
        }

        // Keeps the loop from being optimised away without a branch the JIT could drop.
        return sum < 0 ? 0 : eventCount;
    }
}
