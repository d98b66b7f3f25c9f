using System.Diagnostics;
using System.Net.Http;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// One real silo process (the built TgeSwarm.Silo, embedded default) on free 127.0.0.1 ports, ready when
/// <c>/health/ready</c> answers 200. Disposing kills it (and its children) and waits for the exit.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The configured admin key (<c>Api:AdminKey</c>): fixed, so the bench need not parse the start-up log.</summary>
    public const string AdminKey = "tgs_bench-admin-key-not-a-secret-0123456789";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly EventHandler _killOnExit;
    private readonly Queue<string> _lastLines = new();

    private SiloProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;

        // Ctrl+C or a timeout's SIGTERM ends the bench without its finally blocks; the child must not outlive it.
        _killOnExit = (_, _) => KillQuietly(process);
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The silo dll: <c>TGESWARM_BENCH_SILO_DLL</c>, else a Release build under src/Silo/bin or
    /// <c>TGESWARM_BENCH_ARTIFACTS</c> (a <c>dotnet build --artifacts-path</c> directory). Null when none is found.
    /// </summary>
    public static string? FindDll()
    {
        if (Environment.GetEnvironmentVariable("TGESWARM_BENCH_SILO_DLL") is { Length: > 0 } given)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : null;
        }

        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("TGESWARM_BENCH_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            candidates.Add(Path.Combine(artifacts, "bin", "TgeSwarm.Silo", "release", "TgeSwarm.Silo.dll"));
        }

        if (RepositoryRoot() is { } root)
        {
            var bin = Path.Combine(root, "src", "Silo", "bin", "Release");
            if (Directory.Exists(bin))
            {
                candidates.AddRange(Directory.GetDirectories(bin).Select(d => Path.Combine(d, "TgeSwarm.Silo.dll")));
            }
        }

        return candidates.Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
    }

    /// <summary>Starts the silo with <paramref name="settings"/> (configuration keys, <c>:</c> as separator) and waits until it is ready.</summary>
    public static async Task<SiloProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Urls"] = url.AbsoluteUri.TrimEnd('/');
        start.Environment["Swarm__SiloPort"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Api__AdminKey"] = AdminKey;

        // Warnings only: the silo's own logging is not what is measured, and a console at Information costs CPU.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var silo = new SiloProcess(process, url);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitReadyAsync(cancellationToken);
            return silo;
        }
        catch
        {
            // Not swallowed: the silo is stopped and the failure goes on to the caller.
            await silo.DisposeAsync();
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
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TgeSwarm.sln")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TgeSwarm.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Uri(Url, "/health/ready");
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{LastLines()}");
            }

            try
            {
                using var response = await client.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A two-second client timeout while the silo starts: try again.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The silo at {Url} was not ready within {ReadyTimeout.TotalSeconds} s:{Environment.NewLine}{LastLines()}");
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
