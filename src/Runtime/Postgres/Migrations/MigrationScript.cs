using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Runtime.Postgres.Migrations;

/// <summary>One numbered script of <c>db/migrations</c>: <c>NNNN_concern.sql</c>, applied once, in version order.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    /// <summary>Builds a script from its file name (<c>0002_grain_storage.sql</c>) and text.</summary>
    public static MigrationScript Create(string fileName, string sql)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(sql);
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0
            || !fileName.EndsWith(".sql", StringComparison.Ordinal)
            || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || version <= 0)
        {
            throw new ArgumentException($"Migration '{fileName}' is not named NNNN_concern.sql with a positive number.", nameof(fileName));
        }

        return new MigrationScript(version, fileName, sql, ComputeChecksum(sql));
    }

    // Line endings are normalised first: a checkout with CRLF (git autocrlf on Windows) is the same script and must
    // not fail start-up as "changed".
    private static string ComputeChecksum(string sql)
    {
        var normalized = sql.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
