using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Postgres.Migrations;

internal sealed partial class PostgresMigrator
{
    [LoggerMessage(EventId = PostgresEventIds.MigrationApplied, Level = LogLevel.Information,
        Message = "Applied migration {Migration} to database {Database} in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, string migration, string database, long elapsedMs);

    [LoggerMessage(EventId = PostgresEventIds.MigrationsUpToDate, Level = LogLevel.Debug,
        Message = "Database {Database} already has all {Count} migrations")]
    private static partial void LogUpToDate(ILogger logger, string database, int count);

    [LoggerMessage(EventId = PostgresEventIds.MigrationUnknownInDatabase, Level = LogLevel.Warning,
        Message = "Database has migration {Migration} (version {Version}) that this build does not know; assuming a newer build applied it")]
    private static partial void LogUnknownInDatabase(ILogger logger, string migration, int version);
}
