namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// The provider's statements: constant text with positional parameters, so Npgsql can prepare them. $1..$4 are
/// always the key (service id, grain type, grain key, state name).
/// </summary>
internal static class GrainStorageSql
{
    public const string Table = "grain_storage";

    private const string Key = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    public const string Read = "SELECT payload_json, payload_binary, version FROM grain_storage WHERE " + Key;

    public const string ReadVersion = "SELECT version FROM grain_storage WHERE " + Key;

    // ON CONFLICT DO NOTHING turns "someone inserted first" into zero rows instead of an aborted statement and a
    // unique-violation error in the server log; a concurrent inserter waits for the winner to commit, then sees it.
    public const string Insert =
        "INSERT INTO grain_storage (service_id, grain_type, grain_key, state_name, payload_json, payload_binary, version, modified_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, 1, now()) " +
        "ON CONFLICT (service_id, grain_type, grain_key, state_name) DO NOTHING RETURNING version";

    // A concurrent writer holding the same version blocks on the row lock, then re-checks the WHERE clause against
    // the committed row, finds the version moved, and updates nothing: exactly one of them wins.
    public const string Update =
        "UPDATE grain_storage SET payload_json = $5, payload_binary = $6, version = version + 1, modified_at = now() " +
        "WHERE " + Key + " AND version = $7 RETURNING version";

    public const string Delete = "DELETE FROM grain_storage WHERE " + Key + " AND version = $5 RETURNING version";
}
