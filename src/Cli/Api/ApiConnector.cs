namespace TgeSwarm.Cli.Api;

/// <summary>
/// Makes the HTTP client an API command talks through: a plain one, or (in tests) one over an in-process server; and
/// the clock commands that wait read (the system's, or a test's).
/// </summary>
internal sealed class ApiConnector(Func<HttpMessageHandler>? handler = null, TimeProvider? time = null)
{
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public HttpClient Connect(Uri baseAddress, TimeSpan timeout) =>
        new(handler?.Invoke() ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = baseAddress, Timeout = timeout };
}
