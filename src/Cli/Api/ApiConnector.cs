namespace TgeSwarm.Cli.Api;

/// <summary>Makes the HTTP client an API command talks through: a plain one, or (in tests) one over an in-process server.</summary>
internal sealed class ApiConnector(Func<HttpMessageHandler>? handler = null)
{
    public HttpClient Connect(Uri baseAddress, TimeSpan timeout) =>
        new(handler?.Invoke() ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = timeout };
}
