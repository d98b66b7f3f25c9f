using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// HAProxy in the foreground (<c>-db</c>) as a child process, in front of silos on 127.0.0.1, with a minimal
/// configuration written to a temporary file: round robin, kept-alive connections both sides, no health checks
/// (the silos are known to be ready), no logging. Disposing kills it and deletes the file.
/// </summary>
internal sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly EventHandler _killOnExit;
    private readonly string _configPath;

    private HaproxyProcess(Process process, string configPath, Uri url)
    {
        _process = process;
        _configPath = configPath;
        Url = url;

        // Ctrl+C or a timeout's SIGTERM ends the bench without its finally blocks; the child must not outlive it.
        _killOnExit = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public Uri Url { get; }

    /// <summary>The haproxy executable on PATH or in the sbin directories (not on a user's PATH on Debian); null when missing.</summary>
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, "haproxy"))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<HaproxyProcess> StartAsync(string executable, IReadOnlyList<Uri> silos, int maxConnections, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Free();
        var configPath = Path.Combine(Path.GetTempPath(), $"tgeswarm-bench-haproxy-{Environment.ProcessId}-{port}.cfg");
        await File.WriteAllTextAsync(configPath, Config(port, silos, maxConnections), cancellationToken);

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-db");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(configPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var haproxy = new HaproxyProcess(process, configPath, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await haproxy.WaitServingAsync(cancellationToken);
            return haproxy;
        }
        catch
        {
            // Not swallowed: HAProxy is stopped and the failure goes on to the caller.
            await haproxy.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
            File.Delete(_configPath);
        }
    }

    private static string Config(int port, IReadOnlyList<Uri> silos, int maxConnections)
    {
        var servers = string.Concat(silos.Select((silo, i) =>
            string.Create(CultureInfo.InvariantCulture, $"    server silo{i + 1} 127.0.0.1:{silo.Port}\n")));
        return string.Create(CultureInfo.InvariantCulture, $"""
            global
                maxconn {maxConnections * 4}

            defaults
                mode http
                timeout connect 1s
                timeout client 30s
                timeout server 30s
                timeout http-keep-alive 10s
                http-reuse always

            frontend bench
                bind 127.0.0.1:{port}
                default_backend silos

            backend silos
                balance roundrobin

            """) + servers;
    }

    private async Task WaitServingAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var live = new Uri(Url, "/health/live");
        for (var attempt = 0; attempt < 80; attempt++)
        {
            if (_process.HasExited)
            {
                var error = await _process.StandardError.ReadToEndAsync(cancellationToken);
                throw new InvalidOperationException($"haproxy exited with code {_process.ExitCode}: {error}");
            }

            try
            {
                using var response = await client.GetAsync(live, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not bound yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"haproxy at {Url} did not pass /health/live through within 20 s.");
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
