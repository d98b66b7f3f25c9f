using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Postgres.Membership;

internal sealed partial class PostgresMembershipTable
{
    // Debug: a refused change is the expected outcome of a race between silos, and the caller retries on a re-read.
    [LoggerMessage(EventId = PostgresEventIds.MembershipInsertRefused, Level = LogLevel.Debug,
        Message = "Membership insert of {Silo} refused in cluster {ClusterId}: the table is not at version {Version} - 1 or the row exists")]
    private static partial void LogInsertRefused(ILogger logger, SiloAddress silo, string clusterId, int version);

    [LoggerMessage(EventId = PostgresEventIds.MembershipUpdateRefused, Level = LogLevel.Debug,
        Message = "Membership update of {Silo} refused in cluster {ClusterId}: the table is not at version {Version} - 1 or the row's etag is not {Etag}")]
    private static partial void LogUpdateRefused(ILogger logger, SiloAddress silo, string clusterId, int version, string etag);

    [LoggerMessage(EventId = PostgresEventIds.MembershipDefunctDeleted, Level = LogLevel.Information,
        Message = "Deleted {Count} membership rows of dead silos in cluster {ClusterId} whose IAmAlive is older than {Before:o}")]
    private static partial void LogDefunctDeleted(ILogger logger, int count, string clusterId, DateTimeOffset before);

    [LoggerMessage(EventId = PostgresEventIds.MembershipAllDeleted, Level = LogLevel.Warning,
        Message = "Deleted every membership row of cluster {ClusterId}")]
    private static partial void LogAllDeleted(ILogger logger, string clusterId);
}
