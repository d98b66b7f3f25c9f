using System.Buffers;

namespace TgeSwarm.Silo.Probe;

internal static class ProbeKey
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>Why <paramref name="key"/> cannot name a probe counter, or null when it can.</summary>
    public static string? Validate(string? key) => key switch
    {
        null or "" => "The key must not be empty.",
        { Length: > MaxLength } => $"The key must be at most {MaxLength} characters (was {key.Length}).",
        _ when key.AsSpan().ContainsAnyExcept(Allowed) => "The key may hold only letters A-Z and a-z, digits, '.', '_' and '-'.",
        _ => null,
    };
}
