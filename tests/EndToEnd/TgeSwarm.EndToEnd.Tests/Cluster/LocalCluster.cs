using System.Globalization;
using System.Text;

namespace TgeSwarm.EndToEnd.Tests.Cluster;

/// <summary>
/// A cluster started by deploy/local-cluster.sh as real processes (PostgreSQL, silos, HAProxy) in a state directory
/// and on ports of its own; <see cref="StopAsync()"/> runs the script's stop, which ends exactly the processes it
/// started.
/// </summary>
internal sealed class LocalCluster
{
    // The first start on a machine may install HAProxy (and PostgreSQL) from apt.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(200);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _stateDirectory;

    private LocalCluster(string stateDirectory, ClusterState state, string startOutput)
    {
        _stateDirectory = stateDirectory;
        State = state;
        StartOutput = startOutput;
    }

    public ClusterState State { get; }

    public string StartOutput { get; }

    public static async Task<LocalCluster> StartAsync(int silos)
    {
        var siloHost = EndToEndEnvironment.SiloHostPath;
        var stateDirectory = Path.Combine(Path.GetTempPath(), $"tgeswarm-e2e-{Guid.NewGuid():N}"[..26]);
        var basePort = FreePortRange.PickBasePort(silos);
        var run = await ScriptRun.RunAsync(
            EndToEndEnvironment.LocalClusterScript,
            ["start", "--silos", silos.ToString(CultureInfo.InvariantCulture), "--base-port", basePort.ToString(CultureInfo.InvariantCulture),
             "--state-dir", stateDirectory, "--silo-dll", siloHost],
            StartTimeout);
        if (run.ExitCode != 0)
        {
            // The script stopped what it had started and printed the tails of the silo logs; stop also removes the directory.
            var stop = await StopAsync(stateDirectory);
            throw new InvalidOperationException(
                $"deploy/local-cluster.sh start failed with exit code {run.ExitCode}; its output:\n{run.Output}\n" +
                $"stop: {stop ?? "done"}");
        }

        return new LocalCluster(stateDirectory, ClusterState.Read(Path.Combine(stateDirectory, "cluster.state")), run.Output);
    }

    /// <summary>Kills a silo the hard way (SIGKILL): no graceful stop, no goodbye to the membership table.</summary>
    public static void Kill(SiloProcess silo)
    {
        var commandLine = File.ReadAllText($"/proc/{silo.Pid}/cmdline").Replace('\0', ' ');
        if (!commandLine.Contains("TgeSwarm.Silo.dll", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"pid {silo.Pid} of {silo.Name} runs '{commandLine}', not a silo: refusing to kill it.");
        }

        using var process = System.Diagnostics.Process.GetProcessById(silo.Pid);
        process.Kill();
    }

    /// <summary>The last lines of every silo's log and of HAProxy's: what a failure message needs.</summary>
    public string LogTails(int lines = 40)
    {
        var text = new StringBuilder();
        foreach (var path in State.Silos.Select(s => s.LogPath).Append(State.HaproxyLog))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- last {lines} lines of {path}");
            if (File.Exists(path))
            {
                foreach (var line in File.ReadLines(path).TakeLast(lines))
                {
                    text.AppendLine(line);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Runs the script's stop; returns null when it succeeded, else what it printed.</summary>
    public Task<string?> StopAsync() => StopAsync(_stateDirectory);

    private static async Task<string?> StopAsync(string stateDirectory)
    {
        var run = await ScriptRun.RunAsync(EndToEndEnvironment.LocalClusterScript, ["stop", "--state-dir", stateDirectory], StopTimeout);
        return run.ExitCode == 0 ? null : $"deploy/local-cluster.sh stop failed with exit code {run.ExitCode}:\n{run.Output}";
    }
}
