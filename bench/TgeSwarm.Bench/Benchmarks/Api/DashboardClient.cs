using System.Net.Http;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// One open dashboard: an SSE connection to <c>/dashboard/events</c> authenticated by the login cookie, read
/// continuously (as a browser's EventSource does) until disposed, counting the snapshots it received.
/// </summary>
internal sealed class DashboardClient : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private long _snapshots;

    private DashboardClient(HttpClient client, Uri url, string apiKey)
    {
        _reading = Task.Run(() => ReadAsync(client, url, apiKey, _stop.Token));
    }

    public long Snapshots => Interlocked.Read(ref _snapshots);

    /// <summary>False once the stream ended or failed (the window's figure would then not be three dashboards').</summary>
    public bool IsOpen => !_reading.IsCompleted;

    /// <summary>Opens the stream and returns once the first snapshot arrived (the producer is sampling then).</summary>
    public static async Task<DashboardClient> OpenAsync(HttpClient client, Uri silo, string apiKey, CancellationToken cancellationToken)
    {
        var dashboard = new DashboardClient(client, new Uri(silo, "/dashboard/events"), apiKey);
        try
        {
            await dashboard._firstSnapshot.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return dashboard;
        }
        catch
        {
            // Not swallowed: the connection is closed and the failure goes on to the caller.
            await dashboard.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stop this method asked for closes the connection under the reader; a failure before it was seen by
            // the caller through IsOpen.
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(HttpClient client, Uri url, string apiKey, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", $"tgeswarm_api_key={apiKey}");
            request.Headers.Add("Accept", "text/event-stream");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream);

            // Ends when the silo closes the stream or the client is disposed (cancellation).
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == "event: snapshot")
                {
                    Interlocked.Increment(ref _snapshots);
                    _firstSnapshot.TrySetResult();
                }
            }

            _firstSnapshot.TrySetException(new InvalidOperationException("The dashboard stream ended before its first snapshot."));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            _firstSnapshot.TrySetException(e);
            throw;
        }
    }
}
