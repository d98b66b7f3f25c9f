using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Alerts;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>Reads of <c>tge_webhook_outbox</c> in a test's own schema.</summary>
internal static class OutboxDatabase
{
    public static Task<long> RowsAsync(this HistoryDatabase database) =>
        database.ScalarAsync<long>("SELECT count(*) FROM tge_webhook_outbox");

    public static Task<long> PendingAsync(this HistoryDatabase database) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM tge_webhook_outbox WHERE state = {TgeOutboxSql.Pending}");

    /// <summary>One row's (state, attempts, last status, last error) as text, for exact assertions.</summary>
    public static Task<string> RowAsync(this HistoryDatabase database, string slug, int version) =>
        database.ScalarAsync<string>(
            "SELECT concat_ws('|', state, attempts, coalesce(last_status::text, '-'), coalesce(last_error, '-'), (finished_at IS NOT NULL)::text) "
            + $"FROM tge_webhook_outbox WHERE token_slug = '{slug}' AND version = {version}");
}
