using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TgeSwarm.Silo.Health;

/// <summary>
/// The body of <c>/health/ready</c>: the bare status when ready (what load balancers and scripts compare), and when not,
/// one line per check with its status and reason, so a person curling it sees what to fix without reading the logs.
/// </summary>
internal static class ReadinessResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
        }

        var text = new StringBuilder(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(static e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(" - ").Append(entry.Description);
            }

            text.Append('\n');
        }

        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
