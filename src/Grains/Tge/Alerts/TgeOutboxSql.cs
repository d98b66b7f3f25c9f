namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// The webhook outbox's statements (<c>db/migrations/0009_tge_webhook_outbox.sql</c>, which explains the columns).
/// Times come from the silo's <see cref="TimeProvider"/> as parameters, not from <c>now()</c>, so a fake clock drives
/// backoffs and lease expiry in tests the same way it drives everything else.
/// </summary>
internal static class TgeOutboxSql
{
    public const short Pending = 0;
    public const short GivenUp = 2;
    public const short Refused = 3;

    // $1 webhook, $2 slug, $3 version, $4 change, $5 body, $6 now. A notice written again (a stream redelivery) is
    // already there: one row.
    public const string Insert =
        "INSERT INTO tge_webhook_outbox (webhook, token_slug, version, change, body, created_at, next_attempt_at) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (webhook, token_slug, version) DO NOTHING";

    // $1 webhook, $2 owner, $3 now, $4 lease end, $5 most rows. SKIP LOCKED lets claimers pass each other's rows;
    // a row leased meanwhile is re-checked against the lease condition when locked (READ COMMITTED re-evaluates the
    // WHERE on the newest row version), so two claimers never both take it. The NOT EXISTS keeps a slug's later rows
    // back while an earlier one is pending (being tried, or waiting for its next try).
    public const string Claim =
        "UPDATE tge_webhook_outbox AS t SET lease_owner = $2, lease_expires_at = $4 FROM ("
        + " SELECT o.id FROM tge_webhook_outbox o"
        + " WHERE o.webhook = $1 AND o.state = 0 AND o.next_attempt_at <= $3"
        + " AND (o.lease_expires_at IS NULL OR o.lease_expires_at <= $3)"
        + " AND NOT EXISTS (SELECT 1 FROM tge_webhook_outbox e"
        + "   WHERE e.webhook = o.webhook AND e.token_slug = o.token_slug AND e.state = 0 AND e.id < o.id)"
        + " ORDER BY o.id LIMIT $5 FOR UPDATE SKIP LOCKED) AS due "
        + "WHERE t.id = due.id RETURNING t.id, t.token_slug, t.version, t.change, t.body, t.attempts";

    // $1 id, $2 owner. Every outcome is written only while the lease is still the claimer's.
    public const string Delivered = "DELETE FROM tge_webhook_outbox WHERE id = $1 AND lease_owner = $2";

    // $1 id, $2 owner, $3 next try, $4 status (null: no answer), $5 what went wrong.
    public const string Retry =
        "UPDATE tge_webhook_outbox SET attempts = attempts + 1, next_attempt_at = $3, lease_owner = NULL, lease_expires_at = NULL, "
        + "last_status = $4, last_error = $5 WHERE id = $1 AND lease_owner = $2";

    // $1 id, $2 owner, $3 state (given up or refused), $4 status, $5 what went wrong, $6 now.
    public const string Finish =
        "UPDATE tge_webhook_outbox SET state = $3, attempts = attempts + 1, lease_owner = NULL, lease_expires_at = NULL, "
        + "last_status = $4, last_error = $5, finished_at = $6 WHERE id = $1 AND lease_owner = $2";
}
