using System.CommandLine;

namespace TgeSwarm.Cli.Health;

/// <summary><c>tgeswarm health [--url URL]</c>: asks a silo whether it is ready; exit code 0 when it is.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = "Base address of a silo or of HAProxy in front of the silos.",
            CustomParser = UrlArgument.Parse,
            DefaultValueFactory = static _ => new Uri("http://127.0.0.1:8080"),
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for an answer.",
            DefaultValueFactory = static _ => TimeSpan.FromSeconds(5),
        };
        var command = new Command("health", "Show whether a silo is ready (exit code 0) or not (1).") { url, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetRequiredValue(url), result.GetRequiredValue(timeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Uri baseAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Console.WriteLine($"{(response.IsSuccessStatusCode ? "ready" : "not ready")}: {baseAddress} answered {(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"unreachable: {baseAddress} did not answer within {timeout}: {exception.Message}");
            return 1;
        }
    }
}
