using System.CommandLine;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Cli.Api;

/// <summary>
/// The options every API command shares: where the API is, the key to call it with, and whether to print JSON.
/// The key comes from <c>--api-key</c> or the environment, never from a file the command would leave behind.
/// </summary>
internal sealed class ApiOptions(ApiConnector connector)
{
    public const string UrlVariable = "TGESWARM_URL";
    public const string KeyVariable = "TGESWARM_API_KEY";

    public Option<Uri> Url { get; } = new("--url")
    {
        Description = $"Base address of a silo or of HAProxy in front of the silos (default ${UrlVariable}, else http://127.0.0.1:8080).",
        CustomParser = UrlArgument.Parse,
        DefaultValueFactory = static _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url) : new Uri("http://127.0.0.1:8080"),
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key (default ${KeyVariable}). The embedded default logs an admin key at start-up.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the API's JSON instead of a table.",
    };

    public Option<TimeSpan> Timeout { get; } = new("--timeout")
    {
        Description = "How long to wait for each answer.",
        DefaultValueFactory = static _ => TimeSpan.FromSeconds(15),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);
        command.Options.Add(Timeout);
    }

    /// <summary>
    /// Runs <paramref name="call"/> with a client for the parsed options and turns the ways a call fails into one
    /// line a person can act on and a non-zero exit code: 1 for a refusal by the API, 2 for an unreachable API or a
    /// missing key.
    /// </summary>
    public Task<int> RunAsync(ParseResult result, Func<SwarmApiClient, bool, TextWriter, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            result,
            async (client, json, output, token) =>
            {
                await call(client, json, output, token);
                return 0;
            },
            cancellationToken);

    /// <summary>As the other overload, for a call that decides the exit code of its success itself (e.g. 3: waited in vain).</summary>
    public async Task<int> RunAsync(ParseResult result, Func<SwarmApiClient, bool, TextWriter, CancellationToken, Task<int>> call, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var url = result.GetRequiredValue(Url);
        var key = result.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            await error.WriteLineAsync($"no API key: pass --api-key or set {KeyVariable} (the embedded default logs an admin key when it starts).");
            return 2;
        }

        using var http = connector.Connect(url, result.GetRequiredValue(Timeout));
        try
        {
            return await call(new SwarmApiClient(http, key), result.GetValue(Json), output, cancellationToken);
        }
        catch (SwarmApiException exception)
        {
            await error.WriteLineAsync($"{(int)exception.StatusCode} {exception.Problem.Title}: {exception.Problem.Detail}{Fields(exception.Problem)}");
            return 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"unreachable: {url} did not answer: {exception.Message}");
            return 2;
        }
    }

    private static string Fields(ApiProblem problem) =>
        problem.Errors is { Count: > 0 } errors
            ? " (" + string.Join("; ", errors.Select(static e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")"
            : "";
}
