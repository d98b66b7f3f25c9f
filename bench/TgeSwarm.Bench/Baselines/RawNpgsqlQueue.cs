using Npgsql;
using TgeSwarm.Bench.Benchmarks;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Bench.Baselines;

/// <summary>
/// The baseline of <c>postgres_queue</c>: the same rows into a plain table with an identity seq, by raw Npgsql on
/// dedicated connections with prepared commands (one INSERT per row; a SELECT of up to 100 rows after the
/// consumer's position, payloads read as byte[]; one UPDATE of a checkpoint row), at the same concurrency. It is
/// the floor the store is measured against, not a correct queue: an identity column hands out seqs in insert
/// order, not commit order, so its reader could skip a row that commits late.
/// </summary>
internal static class RawNpgsqlQueue
{
    private static readonly string CreateTables =
        "CREATE TABLE raw_queue (queue_id integer NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY, stream_namespace text NOT NULL, " +
        "stream_key text NOT NULL, event_count integer NOT NULL, enqueued_at timestamptz NOT NULL, payload bytea NOT NULL, " +
        "PRIMARY KEY (queue_id, seq)); " +
        "CREATE TABLE raw_checkpoint (queue_id integer PRIMARY KEY, acked_seq bigint NOT NULL); " +
        $"INSERT INTO raw_checkpoint SELECT q, 0 FROM generate_series(0, {PostgresQueueBenchmark.Queues - 1}) AS q";

    private const string Insert =
        "INSERT INTO raw_queue (queue_id, stream_namespace, stream_key, event_count, enqueued_at, payload) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string Read =
        "SELECT seq, stream_namespace, stream_key, event_count, enqueued_at, payload FROM raw_queue WHERE queue_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";

    private const string Ack = "UPDATE raw_checkpoint SET acked_seq = $2 WHERE queue_id = $1";

    public static async Task<PostgresQueueFigures> RunAsync(string connectionString, int eventsPerRow, Harness.BenchOptions options)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await dataSource.CreateCommand("DROP TABLE IF EXISTS raw_queue, raw_checkpoint").ExecuteNonQueryAsync();
        await dataSource.CreateCommand(CreateTables).ExecuteNonQueryAsync();
        var producers = new Producer[PostgresQueueBenchmark.Producers];
        var consumers = new Consumer[PostgresQueueBenchmark.Queues];
        try
        {
            for (var p = 0; p < producers.Length; p++)
            {
                producers[p] = await Producer.OpenAsync(dataSource, PostgresQueueBenchmark.Payload(eventsPerRow));
            }

            for (var q = 0; q < consumers.Length; q++)
            {
                consumers[q] = await Consumer.OpenAsync(dataSource, q);
            }

            var mapper = new StreamQueueMapper(PostgresQueueBenchmark.Queues);
            var load = new PostgresQueueLoad
            {
                Producers = producers.Length,
                Queues = consumers.Length,
                Produce = (producer, call) =>
                {
                    var key = PostgresQueueBenchmark.StreamKey(producer, call);
                    return producers[producer].InsertAsync(mapper.GetQueueId("bench", key), key, eventsPerRow);
                },
                Consume = queue => consumers[queue].ConsumeAsync(),
            };
            return await load.RunAsync(options.WarmUp, options.Measure);
        }
        finally
        {
            foreach (var producer in producers.Where(p => p is not null))
            {
                await producer.DisposeAsync();
            }

            foreach (var consumer in consumers.Where(c => c is not null))
            {
                await consumer.DisposeAsync();
            }
        }
    }

    private sealed class Producer : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _insert;
        private readonly NpgsqlParameter<int> _queue = new() { TypedValue = 0 };
        private readonly NpgsqlParameter<string> _key = new() { TypedValue = "" };
        private readonly NpgsqlParameter<int> _events = new() { TypedValue = 0 };
        private readonly NpgsqlParameter<DateTimeOffset> _at = new() { TypedValue = DateTimeOffset.UtcNow };

        private Producer(NpgsqlConnection connection, byte[] payload)
        {
            _connection = connection;
            _insert = new NpgsqlCommand(Insert, connection);
            _insert.Parameters.Add(_queue);
            _insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "bench" });
            _insert.Parameters.Add(_key);
            _insert.Parameters.Add(_events);
            _insert.Parameters.Add(_at);
            _insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        }

        public static async Task<Producer> OpenAsync(NpgsqlDataSource dataSource, byte[] payload)
        {
            var producer = new Producer(await dataSource.OpenConnectionAsync(), payload);
            await producer._insert.PrepareAsync();
            return producer;
        }

        public async Task<int> InsertAsync(int queue, string key, int events)
        {
            _queue.TypedValue = queue;
            _key.TypedValue = key;
            _events.TypedValue = events;
            _at.TypedValue = DateTimeOffset.UtcNow;
            await _insert.ExecuteNonQueryAsync();
            return events;
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    private sealed class Consumer : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _read;
        private readonly NpgsqlCommand _ack;
        private readonly NpgsqlParameter<long> _after = new() { TypedValue = 0 };
        private readonly NpgsqlParameter<long> _acked = new() { TypedValue = 0 };

        private Consumer(NpgsqlConnection connection, int queue)
        {
            _connection = connection;
            _read = new NpgsqlCommand(Read, connection);
            _read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = queue });
            _read.Parameters.Add(_after);
            _read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PostgresQueueBenchmark.MaxRowsPerRead });
            _ack = new NpgsqlCommand(Ack, connection);
            _ack.Parameters.Add(new NpgsqlParameter<int> { TypedValue = queue });
            _ack.Parameters.Add(_acked);
        }

        public static async Task<Consumer> OpenAsync(NpgsqlDataSource dataSource, int queue)
        {
            var consumer = new Consumer(await dataSource.OpenConnectionAsync(), queue);
            await consumer._read.PrepareAsync();
            await consumer._ack.PrepareAsync();
            return consumer;
        }

        public async Task<int> ConsumeAsync()
        {
            var events = 0;
            var last = -1L;
            await using (var reader = await _read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    last = reader.GetInt64(0);
                    _ = reader.GetString(1);
                    _ = reader.GetString(2);
                    var count = reader.GetInt32(3);
                    _ = reader.GetFieldValue<DateTimeOffset>(4);
                    events += PostgresQueueBenchmark.Deliver(reader.GetFieldValue<byte[]>(5), count);
                }
            }

            if (last < 0)
            {
                return 0;
            }

            _after.TypedValue = last;
            _acked.TypedValue = last;
            await _ack.ExecuteNonQueryAsync();
            return events;
        }

        public async ValueTask DisposeAsync()
        {
            await _read.DisposeAsync();
            await _ack.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
