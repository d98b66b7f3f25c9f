using System.Data;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>
/// The membership table of one cluster in PostgreSQL (<c>swarm_membership_version</c> and <c>swarm_membership</c>,
/// <c>db/migrations/0003_membership.sql</c>).
/// <para>
/// Guarantees: each change is one statement (see <see cref="MembershipSql"/>) that moves the cluster's version
/// by compare-and-swap and touches the member row only if that succeeded, so of writers holding the same version
/// exactly one wins and no read-modify-write window exists. A refused change returns false and changes nothing.
/// Every change, including cleanup and delete-all, moves the version on and notifies channel
/// <c>swarm_membership</c> with <c>&lt;cluster id&gt;:&lt;version&gt;</c>; IAmAlive writes do neither. A row's etag
/// is the table version that last wrote it. Times are stored in UTC to the microsecond.
/// </para>
/// <para>
/// Failure modes: outages surface as Npgsql exceptions, bounded by the connection string's Timeout and Command
/// Timeout; the membership agent retries. A row this provider cannot decode surfaces as <see cref="FormatException"/>
/// naming the row.
/// </para>
/// </summary>
internal sealed partial class PostgresMembershipTable(
    PostgresDatabase database,
    string clusterId,
    PostgresClusteringOptions options,
    TimeProvider timeProvider,
    ILogger<PostgresMembershipTable> logger) : IMembershipTable
{
    public string ClusterId { get; } = clusterId;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.Initialize);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.ReadAll);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.ReadRow);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        AddKey(command, silo);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.Insert);
        AddEntry(command, entry, version);
        var inserted = await ExecuteChangeAsync(command, cancellationToken);
        if (!inserted)
        {
            LogInsertRefused(logger, entry.SiloAddress, ClusterId, version.Version);
        }

        return inserted;
    }

    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Etags are versions this provider wrote; anything else can match no row.
        if (!int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expectedEtag))
        {
            LogUpdateRefused(logger, entry.SiloAddress, ClusterId, version.Version, etag);
            return false;
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.Update);
        AddEntry(command, entry, version);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expectedEtag });
        var updated = await ExecuteChangeAsync(command, cancellationToken);
        if (!updated)
        {
            LogUpdateRefused(logger, entry.SiloAddress, ClusterId, version.Version, etag);
        }

        return updated;
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.UpdateIAmAlive);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        AddKey(command, entry.SiloAddress);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = MembershipTimes.ToMicroseconds(entry.IAmAliveTime) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.CleanupDefunct);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = MembershipTimes.ToMicroseconds(before) });
        var deleted = await command.ExecuteScalarAsync(cancellationToken) is int count ? count : 0;
        if (deleted > 0)
        {
            LogDefunctDeleted(logger, deleted, ClusterId, before);
        }

        return deleted;
    }

    public async Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(MembershipSql.DeleteAll);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        await command.ExecuteNonQueryAsync(cancellationToken);
        LogAllDeleted(logger, ClusterId);
    }

    private static async Task<bool> ExecuteChangeAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is int;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Not reachable through this provider (a successful version swap means the snapshot's "row absent" is
            // current, see MembershipSql), but a row written by hand can collide; the statement rolled back whole,
            // so it is a refusal like any other.
            return false;
        }
    }

    private async Task<MembershipTableData> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var version = 0;
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            version = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                rows.Add(ReadRow(reader));
            }
        }

        return new MembershipTableData(rows, new TableVersion(version, version.ToString(CultureInfo.InvariantCulture)));
    }

    private MembershipRow ReadRow(NpgsqlDataReader reader)
    {
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Parse(reader.GetString(1)), reader.GetInt32(2)), reader.GetInt32(3));
        SuspectVote[] votes;
        try
        {
            votes = SuspectTimesJson.Read(reader.GetString(10));
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Membership row of {silo} in cluster '{ClusterId}' cannot be read: {ex.Message}", ex);
        }

        var entry = new MembershipEntry
        {
            SiloAddress = silo,
            SiloName = reader.GetString(4),
            HostName = reader.GetString(5),
            Status = (SiloStatus)reader.GetInt16(6),
            ProxyPort = reader.GetInt32(7),
            StartTime = reader.GetFieldValue<DateTimeOffset>(8),
            IAmAliveTime = reader.GetFieldValue<DateTimeOffset>(9),
            SuspectTimes = votes,
            DeathReason = reader.GetString(11),
        };
        return new MembershipRow(entry, reader.GetInt32(12).ToString(CultureInfo.InvariantCulture));
    }

    private void AddEntry(NpgsqlCommand command, MembershipEntry entry, TableVersion version)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ClusterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version.Version });
        AddKey(command, entry.SiloAddress);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.SiloName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.HostName });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)entry.Status });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.ProxyPort });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = MembershipTimes.ToMicroseconds(entry.StartTime) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = MembershipTimes.ToMicroseconds(entry.IAmAliveTime) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SuspectTimesJson.Write(entry.SuspectTimes), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.DeathReason });
    }

    private static void AddKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Endpoint.Address.ToString() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = silo.Endpoint.Port });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = silo.Generation });
    }
}
