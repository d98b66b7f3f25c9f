using System.Globalization;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>A process's CPU time (user + system) from <c>/proc/&lt;pid&gt;/stat</c>, every thread included.</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime. It is 100 on every Linux ABI .NET runs on (the kernel's HZ may differ).
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) is in parentheses and may contain spaces; fields count from after its last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }
}
