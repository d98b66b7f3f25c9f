namespace TgeSwarm.Runtime.Postgres.Reminders;

/// <summary>
/// The reminder table's statements (<c>db/migrations/0004_reminders.sql</c>): constant text with positional
/// parameters, so Npgsql can prepare them. $1..$3 are the key (service id, grain id, reminder name) wherever a row is
/// named.
/// </summary>
internal static class ReminderSql
{
    public const string Table = "swarm_reminders";

    private const string Columns = "grain_id, reminder_name, start_time, period, due_time, version, last_fired_at";

    private const string Key = "service_id = $1 AND grain_id = $2 AND reminder_name = $3";

    public const string ReadRow = "SELECT " + Columns + " FROM swarm_reminders WHERE " + Key;

    public const string ReadGrain = "SELECT " + Columns + " FROM swarm_reminders WHERE service_id = $1 AND grain_id = $2";

    // $2 and $3 hold the ranges' lower (exclusive) and upper (inclusive) bounds, none wrapping (the caller splits a
    // wrapped range in two), so each range is one scan of the (service_id, grain_hash) index and no row comes twice.
    public const string ReadRanges =
        "SELECT s.grain_id, s.reminder_name, s.start_time, s.period, s.due_time, s.version, s.last_fired_at " +
        "FROM unnest($2::bigint[], $3::bigint[]) AS r(lo, hi) " +
        "JOIN swarm_reminders s ON s.service_id = $1 AND s.grain_hash > r.lo AND s.grain_hash <= r.hi";

    // ON CONFLICT DO NOTHING turns "someone inserted first" into zero rows rather than an error; the caller reads again.
    public const string Insert =
        "INSERT INTO swarm_reminders (service_id, grain_id, reminder_name, grain_hash, start_time, period, due_time, version, last_fired_at, modified_at) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, nextval('swarm_reminders_version'), NULL, now()) " +
        "ON CONFLICT (service_id, grain_id, reminder_name) DO NOTHING RETURNING version";

    // A concurrent writer with the same expected version waits on the row lock, then finds the version moved and
    // updates nothing: exactly one of them wins.
    public const string Update =
        "UPDATE swarm_reminders SET grain_hash = $4, start_time = $5, period = $6, due_time = $7, " +
        "version = nextval('swarm_reminders_version'), last_fired_at = NULL, modified_at = now() " +
        "WHERE " + Key + " AND version = $8 RETURNING version";

    public const string Delete = "DELETE FROM swarm_reminders WHERE " + Key + " AND version = $4 RETURNING version";

    // GREATEST ignores a NULL, and keeps a later time already recorded by a tick that answered first.
    public const string RecordTick =
        "UPDATE swarm_reminders SET last_fired_at = GREATEST(last_fired_at, $5) WHERE " + Key + " AND version = $4 RETURNING version";
}
