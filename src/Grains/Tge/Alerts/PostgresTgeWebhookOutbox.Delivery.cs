using System.Text;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

internal sealed partial class PostgresTgeWebhookOutbox
{
    /// <summary>
    /// Claims what is due for every webhook (up to <see cref="TgeAlertOptions.Lanes"/> rows each), tries each once and
    /// writes the outcomes; returns how many rows were tried. The pumps do the same continuously; tests call this to
    /// step the outbox on their own clock.
    /// </summary>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        foreach (var webhook in _webhooks)
        {
            var rows = await ClaimAsync(webhook, _options.Lanes, cancellationToken);
            await Task.WhenAll(rows.Select(row => TryAsync(webhook, row, cancellationToken)));
            tried += rows.Count;
        }

        return tried;
    }

    /// <summary>Claims up to <paramref name="max"/> due rows of one webhook for this owner.</summary>
    internal async Task<IReadOnlyList<TgeOutboxRow>> ClaimAsync(TgeWebhookPoster webhook, int max, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var command = _dataSource.CreateCommand(TgeOutboxSql.Claim);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = webhook.Webhook.Url });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + _options.LeaseDuration });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var rows = new List<TgeOutboxRow>(max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TgeOutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), (TgeEventChange)reader.GetInt16(3), reader.GetString(4), reader.GetInt32(5)));
        }

        // UPDATE .. RETURNING gives rows in no set order; id order is the order they were made.
        rows.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    internal TgeWebhookPoster WebhookAt(int index) => _webhooks[index];

    private async Task PumpAsync(TgeWebhookPoster webhook, Channel<bool> wake)
    {
        var inFlight = new List<Task>();
        var failing = false;
        using var poll = _time.CreateTimer(static state => ((Channel<bool>)state!).Writer.TryWrite(true), wake, TimeSpan.Zero, _options.PollInterval);
        try
        {
            while (!_claiming.IsCancellationRequested)
            {
                await ReapAsync(inFlight);
                var free = _options.Lanes - inFlight.Count;
                if (free > 0)
                {
                    IReadOnlyList<TgeOutboxRow> rows = [];
                    try
                    {
                        rows = await ClaimAsync(webhook, free, _claiming.Token);
                        failing = false;
                    }
                    catch (NpgsqlException exception)
                    {
                        // Once per outage; the poll tick tries again.
                        if (!failing)
                        {
                            TgeWebhookLog.OutboxFailed(_logger, exception, webhook.Host, "claiming due rows", _options.PollInterval);
                        }

                        failing = true;
                    }

                    foreach (var row in rows)
                    {
                        inFlight.Add(TryAndWakeAsync(webhook, row, wake));
                    }

                    if (rows.Count > 0 && rows.Count == free)
                    {
                        continue;
                    }
                }

                await wake.Reader.ReadAsync(_claiming.Token);
            }
        }
        catch (OperationCanceledException) when (_claiming.IsCancellationRequested)
        {
            // Stopping: the tries under way finish below (or are cut when the stop runs out of time).
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug, not an outage: said loudly here, and the silo's stop surfaces it again.
            TgeWebhookLog.PumpEnded(_logger, exception, webhook.Host);
            throw;
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var cut = inFlight.Count(static task => task.IsCanceled);
            if (cut > 0)
            {
                TgeWebhookLog.OutboxStopped(_logger, cut);
            }
        }
    }

    // Surfaces a try that failed in a way TryAsync does not handle (a bug): it ends the pump, and the silo's stop or
    // disposal observes it.
    private static async Task ReapAsync(List<Task> inFlight)
    {
        for (var i = inFlight.Count - 1; i >= 0; i--)
        {
            if (inFlight[i].IsCompleted)
            {
                var done = inFlight[i];
                inFlight.RemoveAt(i);
                if (!done.IsCanceled)
                {
                    await done;
                }
            }
        }
    }

    private async Task TryAndWakeAsync(TgeWebhookPoster webhook, TgeOutboxRow row, Channel<bool> wake)
    {
        try
        {
            await TryAsync(webhook, row, _trying.Token);
        }
        finally
        {
            wake.Writer.TryWrite(true);
        }
    }

    private async Task TryAsync(TgeWebhookPoster webhook, TgeOutboxRow row, CancellationToken cancellationToken)
    {
        var delivery = row.Delivery;
        var attempt = row.Attempts + 1;
        var result = await webhook.PostAsync(delivery, row.Change, Encoding.UTF8.GetBytes(row.Body), cancellationToken);
        try
        {
            var recorded = result.Result switch
            {
                TgeWebhookResult.Delivered => await RecordAsync(TgeOutboxSql.Delivered, row, cancellationToken),
                TgeWebhookResult.Refused => await RecordAsync(TgeOutboxSql.Finish, row, cancellationToken, TgeOutboxSql.Refused, result),
                _ when attempt >= _options.MaxAttempts => await RecordAsync(TgeOutboxSql.Finish, row, cancellationToken, TgeOutboxSql.GivenUp, result),
                _ => await RecordRetryAsync(webhook, row, attempt, result, cancellationToken),
            };
            if (!recorded)
            {
                TgeWebhookLog.LeaseLost(_logger, delivery, webhook.Host);
                return;
            }
        }
        catch (NpgsqlException exception)
        {
            // The outcome is not written: the row stays leased until the lease ends and is then tried again.
            TgeWebhookLog.OutboxFailed(_logger, exception, webhook.Host, "recording the outcome of " + delivery, _options.LeaseDuration);
            return;
        }

        Count(webhook, delivery, attempt, result);
    }

    private void Count(TgeWebhookPoster webhook, string delivery, int attempt, TgeWebhookAttempt result)
    {
        switch (result.Result)
        {
            case TgeWebhookResult.Delivered:
                _instruments.Webhook("delivered", webhook.Host);
                TgeWebhookLog.Delivered(_logger, delivery, webhook.Host, attempt);
                break;
            case TgeWebhookResult.Refused:
                _instruments.Webhook("refused", webhook.Host);
                TgeWebhookLog.Refused(_logger, delivery, webhook.Host, result.Status, result.Detail);
                break;
            case TgeWebhookResult.Retry when attempt >= _options.MaxAttempts:
                _instruments.Webhook("given_up", webhook.Host);
                TgeWebhookLog.GivenUp(_logger, delivery, webhook.Host, attempt, result.Detail);
                break;
        }
    }

    private async Task<bool> RecordRetryAsync(TgeWebhookPoster webhook, TgeOutboxRow row, int attempt, TgeWebhookAttempt result, CancellationToken cancellationToken)
    {
        var delay = TgeWebhookBackoff.After(_options, attempt, result.RetryAfter);
        await using var command = _dataSource.CreateCommand(TgeOutboxSql.Retry);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = _time.GetUtcNow() + delay });
        command.Parameters.Add(Status(result));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = result.Detail });
        var recorded = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (recorded)
        {
            TgeWebhookLog.Retrying(_logger, row.Delivery, webhook.Host, attempt, result.Detail, delay);
        }

        return recorded;
    }

    private async Task<bool> RecordAsync(string sql, TgeOutboxRow row, CancellationToken cancellationToken, short state = 0, TgeWebhookAttempt result = default)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _owner });
        if (state != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = state });
            command.Parameters.Add(Status(result));
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = result.Detail });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = _time.GetUtcNow() });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlParameter Status(TgeWebhookAttempt result) =>
        new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = result.Status == 0 ? DBNull.Value : result.Status };
}
