namespace TgeSwarm.Feeds.Connectors;

public sealed partial class VenueConnector
{
    /// <summary>Acts on the resyncs the feed asked for while handling the last frame or snapshot.</summary>
    private async ValueTask ResyncAsync(VenueConnection connection)
    {
        var pending = connection.Sink.PendingResyncs;
        if (_protocol.UsesRestSnapshots)
        {
            foreach (var (instrument, reason) in pending)
            {
                // A fetch under way will bring a snapshot anyway; the feed judges it against the diffs it buffers now.
                var fetching = connection.Fetching.Contains(instrument);
                Log.ResyncRequested(_logger, Venue, instrument, reason, fetching ? "snapshot already being fetched" : "fetching a REST snapshot");
                if (!fetching)
                {
                    var attempt = connection.Sink.NextAttempt(instrument);
                    StartSnapshotFetch(connection, instrument, attempt == 0 ? TimeSpan.Zero : _backoff.Ceiling(attempt - 1));
                }
            }

            pending.Clear();
            return;
        }

        var instruments = new List<string>(pending.Count);
        foreach (var (instrument, reason) in pending)
        {
            Log.ResyncRequested(_logger, Venue, instrument, reason, "resubscribing the book");
            instruments.Add(instrument);
        }

        pending.Clear();

        // Counted before the sends: whoever sees the messages arrive must also see the count.
        Statistics.Resubscribed();
        foreach (var message in _protocol.ResubscribeBookMessages(instruments))
        {
            await connection.SendAsync(message, connection.Token);
        }
    }

    /// <summary>Hands every fetched snapshot to the feed; returns how many, each counted as a frame for the consumer.</summary>
    private async ValueTask<int> ApplySnapshotsAsync(VenueConnection connection)
    {
        if (connection.Snapshots is not { } inbox)
        {
            return 0;
        }

        var applied = 0;
        while (inbox.Reader.TryRead(out var snapshot))
        {
            connection.Fetching.Remove(snapshot.Instrument);
            _consumer.OnFrameReceived(snapshot.ReceivedAt);
            lock (_feedLock)
            {
                connection.Feed.OnRestResponse(snapshot.Url, snapshot.Body, snapshot.ReceivedAt);
            }

            applied++;
        }

        if (connection.Sink.PendingResyncs.Count > 0)
        {
            await ResyncAsync(connection);
        }

        return applied;
    }

    private void StartSnapshotFetch(VenueConnection connection, string instrument, TimeSpan delay)
    {
        connection.Fetching.Add(instrument);
        connection.Track(FetchSnapshotAsync(connection, instrument, delay));
    }

    /// <summary>Fetches one REST snapshot, retrying failures (spaced like reconnects, or as the venue's Retry-After says) until the connection ends.</summary>
    private async Task FetchSnapshotAsync(VenueConnection connection, string instrument, TimeSpan delay)
    {
        var url = _protocol.SnapshotUrl(instrument);
        var token = connection.Token;
        var failures = 0;
        try
        {
            while (true)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, token);
                }

                byte[]? body;
                TimeSpan? retryAfter;
                await connection.SnapshotSlots.WaitAsync(token);
                try
                {
                    (body, retryAfter) = await TryFetchAsync(url, token);
                }
                finally
                {
                    connection.SnapshotSlots.Release();
                }

                if (body is not null)
                {
                    Statistics.SnapshotFetched();
                    connection.Snapshots!.Writer.TryWrite(new RestSnapshot(instrument, url.AbsoluteUri, body, NowMicros()));
                    return;
                }

                Statistics.SnapshotFetchFailed();
                delay = retryAfter ?? _backoff.Ceiling(failures++);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The connection ended; the next one fetches afresh.
        }
    }

    private async Task<(byte[]? Body, TimeSpan? RetryAfter)> TryFetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // 429 and 418 (Binance's ban) carry Retry-After: waiting less only extends a ban.
                Log.SnapshotFetchFailed(_logger, null, Venue, url, $"HTTP {(int)response.StatusCode}");
                return (null, RetryAfter(response));
            }

            if (response.Content.Headers.ContentLength > FeedLimits.MaxFrameBytes)
            {
                Log.SnapshotFetchFailed(_logger, null, Venue, url, $"body of {response.Content.Headers.ContentLength} bytes is over the frame limit");
                return (null, null);
            }

            await response.Content.LoadIntoBufferAsync(FeedLimits.MaxFrameBytes, cancellationToken);
            return (await response.Content.ReadAsByteArrayAsync(cancellationToken), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.SnapshotFetchFailed(_logger, exception, Venue, url, exception.Message);
            return (null, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - _time.GetUtcNow()).Ticks)) : null;
    }
}
