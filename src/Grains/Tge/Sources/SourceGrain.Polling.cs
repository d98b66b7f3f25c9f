using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Reliability;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>One poll: fetch through the host guard, parse, emit what is new, persist, and pick the next interval.</summary>
internal sealed partial class SourceGrain
{
    /// <summary>The failure reason when the host guard could not be called (its silo lost, the call timed out).</summary>
    public const string GuardUnavailable = "GuardUnavailable";

    /// <summary>The failure reason when publishing on <c>tge.raw</c> failed; the items are tried again next poll.</summary>
    public const string PublishFailed = "PublishFailed";

    private async Task OnPollTimerAsync() => await PollAsync();

    private async Task<TgeSourcePollResult> PollAsync()
    {
        while (_polling is { IsCompleted: false } running)
        {
            await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        var poll = PollOnceAsync();
        _polling = poll;
        return await poll;
    }

    private async Task<TgeSourcePollResult> PollOnceAsync()
    {
        if (state.State.Settings is not { } settings || state.State.Paused || _pollCancellation is null || _interval is null)
        {
            return new TgeSourcePollResult(TgePollOutcome.Skipped, null, 0, 0, 0, TimeSpan.Zero);
        }

        var generation = _generation;
        var token = _pollCancellation.Token;
        TgeSourcePollResult? result = null;
        try
        {
            var polledAt = time.GetUtcNow();
            _lastPollAt = polledAt;
            _counters.Polls++;
            var fetch = await FetchAsync(settings, token);
            if (fetch.Cancelled || generation != _generation)
            {
                return result = new TgeSourcePollResult(TgePollOutcome.Cancelled, null, 0, 0, 0, TimeSpan.Zero);
            }

            // Cancellation ends here: past this point the poll's outcome is kept, so it must finish.
            await _stateLock.WaitAsync(CancellationToken.None);
            try
            {
                if (generation != _generation)
                {
                    return result = new TgeSourcePollResult(TgePollOutcome.Cancelled, null, 0, 0, 0, TimeSpan.Zero);
                }

                result = await HandleAsync(settings, fetch, polledAt);
                _lastOutcome = result.Outcome;
                return result;
            }
            finally
            {
                _stateLock.Release();
            }
        }
        finally
        {
            if (generation == _generation && _interval is { } interval)
            {
                SchedulePoll(result?.NextPollIn ?? interval.Current);
            }
        }
    }

    private async Task<(TgeFetchResponse? Response, string? Error, bool Cancelled)> FetchAsync(TgeSourceSettings settings, CancellationToken token)
    {
        var guard = GrainFactory.GetGrain<IHostGuardGrain>(HostKey.Of(new Uri(settings.Url)));
        var request = new TgeFetchRequest(SourceId, settings.Url, state.State.ETag, state.State.LastModified, settings.Headers);
        var started = time.GetTimestamp();
        try
        {
            return (await guard.FetchAsync(request, token), null, false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (null, null, true);
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException)
        {
            return (null, exception.Message, false);
        }
        finally
        {
            _lastFetchDuration = time.GetElapsedTime(started);
        }
    }

    private async Task<TgeSourcePollResult> HandleAsync(
        TgeSourceSettings settings, (TgeFetchResponse? Response, string? Error, bool Cancelled) fetch, DateTimeOffset polledAt)
    {
        if (fetch.Response is not { } response)
        {
            return Failed(GuardUnavailable, fetch.Error, 0, null);
        }

        switch (response.Outcome)
        {
            case TgeFetchOutcome.NotModified:
                _counters.NotModified++;
                Succeeded();
                return new TgeSourcePollResult(TgePollOutcome.NotModified, null, response.StatusCode, 0, 0, _interval!.OnQuiet());
            case TgeFetchOutcome.Ok:
                break;
            default:
                return Failed(response.Outcome.ToString(), response.Detail, response.StatusCode, response.RetryAfter);
        }

        var parsed = SourceBodies.Parse(SourceId, settings, response);
        foreach (var (problem, count) in parsed.Problems)
        {
            if (problem != parsed.Failure)
            {
                _counters.ItemProblem(problem.ToString(), count);
            }
        }

        if (parsed.Failure is { } failure)
        {
            // The validators are not kept: the next poll fetches the whole body again rather than a 304 of a bad one.
            return Failed(failure.ToString(), $"{response.Body.Length}-byte body from {response.FinalUrl}", response.StatusCode, null);
        }

        _counters.ItemsSeen += parsed.Items.Count;
        var emitted = await EmitAsync(settings, parsed.Items, polledAt);
        if (emitted.Error is { } error)
        {
            return Failed(PublishFailed, error, response.StatusCode, null);
        }

        var changed = emitted.Remembered > 0 || state.State.ETag != response.ETag || state.State.LastModified != response.LastModified
            || !state.State.FirstPollDone;
        state.State.ETag = response.ETag;
        state.State.LastModified = response.LastModified;
        state.State.FirstPollDone = true;
        if (changed)
        {
            state.State.SeenIds = _seen.ToList();
            await state.WriteStateAsync(CancellationToken.None);
        }

        Succeeded();
        var next = emitted.Remembered > 0 ? _interval!.OnNewItems() : _interval!.OnQuiet();
        var outcome = emitted.Remembered > 0 ? TgePollOutcome.NewItems : TgePollOutcome.NoNewItems;
        return new TgeSourcePollResult(outcome, null, response.StatusCode, parsed.Items.Count, emitted.Published, next);
    }

    /// <summary>Publishes the items not seen before, oldest first, remembering each once published (or at once, for a skipped backlog).</summary>
    private async Task<(int Remembered, int Published, string? Error)> EmitAsync(TgeSourceSettings settings, IReadOnlyList<SourceItem> items, DateTimeOffset polledAt)
    {
        var publish = settings.EmitExisting || state.State.FirstPollDone;
        var seenAt = time.GetUtcNow();
        int remembered = 0, published = 0;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var item = items[i];
            if (_seen.Contains(item.ItemId))
            {
                continue;
            }

            if (publish)
            {
                try
                {
                    _stream ??= this.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, SourceId));
                    await _stream.OnNextAsync(SourceBodies.ToItem(item, polledAt, seenAt));
                }
                catch (Exception exception) when (exception is TimeoutException or SwarmException)
                {
                    return (remembered, published, exception.Message);
                }

                published++;
                _counters.Emitted(item.ItemId);
                if (item.Published is { } at)
                {
                    _lastDetectionLag = seenAt - at;
                }
            }

            _seen.Add(item.ItemId);
            remembered++;
        }

        if (published > 0)
        {
            SourceLog.Emitted(logger, SourceId, published);
        }

        return (remembered, published, null);
    }

    private TgeSourcePollResult Failed(string reason, string? detail, int statusCode, TimeSpan? retryAfter)
    {
        var newState = _counters.ConsecutiveErrors == 0 || _counters.LastReason != reason;
        _counters.Failed(reason, time.GetUtcNow());
        var wait = _interval!.OnError(_counters.ConsecutiveErrors, 0.8 + (Random.Shared.NextDouble() * 0.4));
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        if (newState)
        {
            SourceLog.Failing(logger, SourceId, reason, detail, wait);
        }

        return new TgeSourcePollResult(TgePollOutcome.Failed, reason, statusCode, 0, 0, wait);
    }

    private void Succeeded()
    {
        if (_counters.ConsecutiveErrors > 0)
        {
            SourceLog.Recovered(logger, SourceId, _counters.ConsecutiveErrors, time.GetUtcNow() - _counters.FailingSince!.Value);
        }

        _counters.Succeeded();
    }
}
