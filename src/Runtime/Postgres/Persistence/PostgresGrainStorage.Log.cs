using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Postgres.Persistence;

internal sealed partial class PostgresGrainStorage
{
    // Debug, not Warning: a conflict is an expected outcome (a duplicate activation losing), and the caller gets
    // the same facts in the exception.
    [LoggerMessage(EventId = PostgresEventIds.GrainStorageConflict, Level = LogLevel.Debug,
        Message = "Grain storage refused to {Operation} ({Provider}, state {StateName}, grain {GrainId}): stored version {Stored}, expected {Expected}")]
    private static partial void LogConflict(
        ILogger logger, string operation, string provider, string stateName, GrainId grainId, string stored, string expected);
}
