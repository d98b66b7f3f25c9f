namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>
/// Bad input to the queen or a memory grain, with <see cref="ArgumentException.ParamName"/> naming the field (an API
/// answers 400 with it). The runtime rebuilds a remote exception from its type and message only, so the
/// (message, inner) constructor reads the field back from the <c>(Parameter 'x')</c> suffix that
/// <see cref="ArgumentException.Message"/> carries; a plain <see cref="ArgumentException"/> would lose it.
/// </summary>
public sealed class CoordinationArgumentException : ArgumentException
{
    private const string ParameterPrefix = " (Parameter '";

    public CoordinationArgumentException()
    {
    }

    public CoordinationArgumentException(string message)
        : this(message, (Exception?)null)
    {
    }

    public CoordinationArgumentException(string message, Exception? innerException)
        : base(WithoutParameter(message), ParameterOf(message), innerException)
    {
    }

    public CoordinationArgumentException(string message, string paramName)
        : base(message, paramName)
    {
    }

    private static string? ParameterOf(string message)
    {
        var at = message.LastIndexOf(ParameterPrefix, StringComparison.Ordinal);
        return at >= 0 && message.EndsWith("')", StringComparison.Ordinal)
            ? message[(at + ParameterPrefix.Length)..^2]
            : null;
    }

    private static string WithoutParameter(string message) =>
        ParameterOf(message) is null ? message : message[..message.LastIndexOf(ParameterPrefix, StringComparison.Ordinal)];
}
