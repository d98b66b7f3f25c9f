using Npgsql;

namespace TgeSwarm.Runtime.Postgres;

/// <summary>The checks every PostgreSQL provider's options share, worded the same way for every provider.</summary>
internal static class PostgresOptionChecks
{
    /// <summary>A connection string must be present and parse; <paramref name="source"/> says where it comes from.</summary>
    public static void ConnectionString(List<string> failures, string provider, string? connectionString, string source)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{provider}: ConnectionString is required ({source}).");
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            failures.Add($"{provider}: ConnectionString is not a valid Npgsql connection string: {exception.Message}");
        }
    }

    /// <summary>A service id is either left null (the cluster's) or a real name.</summary>
    public static void ServiceId(List<string> failures, string provider, string? serviceId)
    {
        if (serviceId is not null && string.IsNullOrWhiteSpace(serviceId))
        {
            failures.Add($"{provider}: ServiceId must not be empty (leave it null to use ClusterOptions.ServiceId).");
        }
    }
}
