using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Figure 4: grain state writes per second through <c>AddPostgresGrainStorage</c> (each call replaces the state and
/// calls <c>WriteStateAsync</c>; the provider's default JSON format), beside raw Npgsql doing the same versioned
/// upsert of the same JSON payload into the same table, at the same concurrency, each writer on its own row.
/// Runs only when <c>TGESWARM_TEST_POSTGRES</c> holds a connection string; rows it wrote are deleted afterwards.
/// </summary>
internal static class PostgresBenchmark
{
    private const int Writers = 16;
    private const int PayloadChars = 256;
    private const int Rounds = 7;
    private const int WarmUpPasses = 3;

    // Every order of the three sides, one per round: with a rotation alone each side would always follow the same
    // other one, and inherit whatever that one leaves behind (thread-pool size, server work) in every round.
    private static readonly int[][] Orders = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];

    // Shorter turns than the other figures' 3 s, so more of them fit: the spread between rounds on this shared
    // machine is far wider than what a longer turn averages out.
    private static readonly TimeSpan Turn = TimeSpan.FromSeconds(2);

    // A versioned upsert: insert version 1, or bump the version of the row still at the version this writer holds,
    // which is the optimistic-concurrency write a grain storage provider has to make.
    private const string RawUpsert =
        "INSERT INTO grain_storage AS g (service_id, grain_type, grain_key, state_name, payload_json, version, modified_at) " +
        "VALUES ($1, $2, $3, $4, $5, 1, now()) " +
        "ON CONFLICT (service_id, grain_type, grain_key, state_name) DO UPDATE " +
        "SET payload_json = EXCLUDED.payload_json, version = g.version + 1, modified_at = now() " +
        "WHERE g.version = $6 RETURNING version";

    public static async Task RunAsync(BenchOptions options)
    {
        var connectionString = Environment.GetEnvironmentVariable("TGESWARM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("postgres: skipped: TGESWARM_TEST_POSTGRES is not set (an Npgsql connection string, e.g. "
                + "Host=127.0.0.1;Port=5433;Username=swarm;Password=swarm;Database=swarm_test)");
            Report.Figure("postgres.skipped", 1, "flag");
            return;
        }

        var payload = new string('x', PayloadChars);
        var grainServiceId = $"bench-grain-{Guid.NewGuid():N}";
        var rawServiceId = $"bench-raw-{Guid.NewGuid():N}";
        var pooledServiceId = $"bench-pooled-{Guid.NewGuid():N}";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var raw = new RawWriter?[Writers];
        TestCluster? cluster = null;
        try
        {
            var builder = new TestClusterBuilder();
            builder.Options.ServiceId = grainServiceId;
            builder.ConfigureSilo(silo => silo.AddMemoryGrainStorage("store").AddPostgresGrainStorage("pg", connectionString).AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName));
            cluster = builder.Build();
            await cluster.DeployAsync();
            var grains = Enumerable.Range(0, Writers).Select(i => cluster.Client.GetGrain<IWriterGrain>(i)).ToArray();
            for (var i = 0; i < Writers; i++)
            {
                raw[i] = await RawWriter.OpenAsync(dataSource, rawServiceId, i);
            }

            var versions = new long[Writers];

            // A second, plainer baseline: the same upsert as a fresh unprepared command on a pooled connection per
            // write with Npgsql's defaults (no auto-prepare, sessions reset on return), which is how a provider that
            // leaves Npgsql as it comes issues its statements; it splits the gap into "how" and "how much".
            Side[] sides =
            [
                new("grain", (writer, sequence) => grains[writer].WriteAsync(sequence, payload)),
                new("raw", (writer, sequence) => raw[writer]!.WriteAsync(sequence, payload)),
                new("pooled", (writer, sequence) => PooledWriteAsync(dataSource, pooledServiceId, writer, sequence, payload, versions)),
            ];

            // All three stay set up for the whole run and take turns, round after round (in every order, see Orders), so
            // a burst of load from elsewhere on this shared machine, a checkpoint or an autovacuum falls on all of
            // them alike; each round's ratio compares neighbours in time, and the median of the rounds is reported.
            //
            // Warm-up in turns too, three times over: with one short turn each, the first measured round still caught
            // JIT tiering (which finishes in the background, while the other sides run) at work, at up to three times
            // the client CPU per write of later rounds; the grain side has far more code to tier up.
            for (var pass = 0; pass < options.Pick(1, WarmUpPasses); pass++)
            {
                foreach (var side in sides)
                {
                    await RunWritersAsync(options.WarmUp, side.Write);
                }
            }

            var rounds = options.Pick(1, Rounds);
            var measured = sides.Select(_ => new Measured[rounds]).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var index in Orders[round % Orders.Length])
                {
                    measured[index][round] = await MeasureAsync(options.Quick ? options.Measure : Turn, sides[index].Write);
                }

                Report.Note($"postgres round {round + 1}/{rounds}: " + string.Join(", ", sides.Select((side, i) =>
                        $"{side.Name} {measured[i][round].PerSecond:0} writes/s ({measured[i][round].CpuMicrosPerWrite:0} us CPU, " +
                        $"{measured[i][round].BytesPerWrite:0} B per write)"))
                    + $"; ratio {measured[0][round].PerSecond / measured[1][round].PerSecond:0.000}");
            }

            var rates = measured.Select(side => side.Select(m => m.PerSecond).ToArray()).ToArray();
            if (options.AllocProfile)
            {
                foreach (var side in sides)
                {
                    using var profiler = new AllocationProfiler();
                    profiler.Start();
                    await RunWritersAsync(options.Measure, side.Write);
                    profiler.Stop();
                    profiler.Print($"postgres {side.Name} writes");
                }
            }

            Report.Figure("postgres.writes_per_s", Median(rates[0]), "writes/s");
            Report.Figure("postgres.baseline_npgsql.writes_per_s", Median(rates[1]), "writes/s");
            Report.Figure("postgres.ratio_to_baseline", Median(rates[0].Zip(rates[1], (grain, baseline) => grain / baseline)), "x");
            Report.Figure("postgres.baseline_npgsql_pooled.writes_per_s", Median(rates[2]), "writes/s");
            Report.Figure("postgres.ratio_to_baseline_pooled", Median(rates[0].Zip(rates[2], (grain, baseline) => grain / baseline)), "x");
        }
        finally
        {
            foreach (var writer in raw)
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync();
                }
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            await using var cleanup = dataSource.CreateCommand("DELETE FROM grain_storage WHERE service_id = ANY($1)");
            cleanup.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [grainServiceId, rawServiceId, pooledServiceId] });
            await cleanup.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Writes per second, with this process's CPU time and bytes allocated per write: the client's share of a write,
    /// which on this machine is taken from the server running on the same two cores.
    /// </summary>
    private static async Task<Measured> MeasureAsync(TimeSpan duration, Func<int, long, Task<long>> write)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var perSecond = await RunWritersAsync(duration, write);
        var writes = perSecond * Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return new Measured(perSecond, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / writes, allocated / writes);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary><see cref="Writers"/> concurrent writers, each writing its own row in a loop until the time is up.</summary>
    private static async Task<double> RunWritersAsync(TimeSpan duration, Func<int, long, Task<long>> write)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var writers = new Task<long>[Writers];
        for (var w = 0; w < Writers; w++)
        {
            var writer = w;
            writers[w] = Task.Run(async () =>
            {
                long written = 0;
                while (written < 10_000_000 && Stopwatch.GetTimestamp() < deadline)
                {
                    await write(writer, written);
                    written++;
                }

                return written;
            });
        }

        var counts = await Task.WhenAll(writers);
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<long> PooledWriteAsync(NpgsqlDataSource dataSource, string serviceId, int writer, long sequence, string payload, long[] versions)
    {
        await using var command = dataSource.CreateCommand(RawUpsert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "benchraw" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = writer.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "state" });
        command.Parameters.Add(new NpgsqlParameter<string>
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb,
            TypedValue = JsonSerializer.Serialize(new WriterState { Sequence = sequence, Payload = payload }, BenchJsonContext.Default.WriterState),
        });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = versions[writer] });
        versions[writer] = await command.ExecuteScalarAsync() is long version
            ? version
            : throw new InvalidOperationException("The pooled upsert lost its row's version.");
        return sequence;
    }

    private sealed record Side(string Name, Func<int, long, Task<long>> Write);

    private readonly record struct Measured(double PerSecond, double CpuMicrosPerWrite, double BytesPerWrite);

    /// <summary>One writer's open connection and prepared upsert; it tracks its row's version as a grain tracks its ETag.</summary>
    private sealed class RawWriter : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlCommand _command;
        private readonly NpgsqlParameter<string> _json;
        private readonly NpgsqlParameter<long> _version;

        private RawWriter(NpgsqlConnection connection, string serviceId, int key)
        {
            _connection = connection;
            _command = new NpgsqlCommand(RawUpsert, connection);
            _command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
            _command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "benchraw" });
            _command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            _command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "state" });
            _json = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = "{}" };
            _command.Parameters.Add(_json);
            _version = new NpgsqlParameter<long> { TypedValue = 0 };
            _command.Parameters.Add(_version);
        }

        public static async Task<RawWriter> OpenAsync(NpgsqlDataSource dataSource, string serviceId, int key)
        {
            var connection = await dataSource.OpenConnectionAsync();
            var writer = new RawWriter(connection, serviceId, key);
            await writer._command.PrepareAsync();
            return writer;
        }

        public async Task<long> WriteAsync(long sequence, string payload)
        {
            _json.TypedValue = JsonSerializer.Serialize(new WriterState { Sequence = sequence, Payload = payload }, BenchJsonContext.Default.WriterState);
            if (await _command.ExecuteScalarAsync() is not long version)
            {
                throw new InvalidOperationException("The raw upsert lost its row's version.");
            }

            _version.TypedValue = version;
            return sequence;
        }

        public async ValueTask DisposeAsync()
        {
            await _command.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
