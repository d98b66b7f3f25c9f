using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.History;

/// <summary>
/// Writes one batch of bars in one transaction: binary COPY into the staging table under a fresh batch id, then an
/// upsert into <c>market_bars</c> (where a bar appears twice in one batch, its later copy wins) and the staging rows' removal (db/migrations/0006_market_bars.sql says why).
/// A batch is written whole or not at all, so a retry after a failure neither loses nor doubles a bar.
/// </summary>
internal sealed class BarCopyWriter(NpgsqlDataSource dataSource)
{
    private const string Copy =
        "COPY market_bars_staging (batch_id, ordinal, venue, instrument, interval_seconds, open_time, open, high, low, close, volume, quote_volume, trade_count) FROM STDIN (FORMAT BINARY)";

    private const string Move = """
        INSERT INTO market_bars (venue, instrument, interval_seconds, open_time, open, high, low, close, volume, quote_volume, trade_count)
        SELECT DISTINCT ON (venue, instrument, interval_seconds, open_time)
               venue, instrument, interval_seconds, open_time, open, high, low, close, volume, quote_volume, trade_count
        FROM market_bars_staging WHERE batch_id = $1
        ORDER BY venue, instrument, interval_seconds, open_time, ordinal DESC
        ON CONFLICT (venue, instrument, interval_seconds, open_time) DO UPDATE SET
            open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
            volume = EXCLUDED.volume, quote_volume = EXCLUDED.quote_volume, trade_count = EXCLUDED.trade_count,
            recorded_at = now();
        """;

    private const string Clear = "DELETE FROM market_bars_staging WHERE batch_id = $1";

    public async Task WriteAsync(IReadOnlyList<Bar> bars, CancellationToken cancellationToken)
    {
        var batchId = Guid.NewGuid();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken))
        {
            for (var ordinal = 0; ordinal < bars.Count; ordinal++)
            {
                var bar = bars[ordinal];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(batchId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(ordinal, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(bar.Venue, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(bar.Instrument, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(bar.IntervalSeconds, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(bar.OpenTime, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(bar.Open, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.High, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.Low, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.Close, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.Volume, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.QuoteVolume, NpgsqlDbType.Numeric, cancellationToken);
                await importer.WriteAsync(bar.TradeCount, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var move = new NpgsqlCommand(Move, connection, transaction))
        {
            move.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = batchId });
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = new NpgsqlCommand(Clear, connection, transaction))
        {
            clear.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = batchId });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
