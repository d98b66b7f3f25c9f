namespace TgeSwarm.Grains.Coordination;

/// <summary>Argument errors passed on under another field or prefix.</summary>
internal static class ArgumentMessages
{
    /// <summary>
    /// The message without the <c>(Parameter 'x')</c> suffix .NET appends, for an error re-thrown under another field
    /// (a validator's <c>settings</c> reported as the API's <c>configuration</c>) or inside a longer message.
    /// </summary>
    public static string WithoutParameter(ArgumentException exception) =>
        exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
}
