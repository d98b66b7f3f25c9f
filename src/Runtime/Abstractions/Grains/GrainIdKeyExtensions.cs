using System.Globalization;

namespace TgeSwarm.Runtime;

/// <summary>Reads the typed key back out of a <see cref="GrainId"/>, in the encodings <see cref="GrainId.Create(string, long, string?)"/> writes.</summary>
public static class GrainIdKeyExtensions
{
    public static string GetStringKey(this GrainId grainId) => grainId.Key;

    public static Guid GetGuidKey(this GrainId grainId, out string? keyExtension)
    {
        var key = Split(grainId, out keyExtension);
        return Guid.TryParseExact(key, "N", out var guid)
            ? guid
            : throw new InvalidOperationException($"Grain {grainId} does not have a Guid key.");
    }

    public static long GetIntegerKey(this GrainId grainId, out string? keyExtension)
    {
        var key = Split(grainId, out keyExtension);
        return ulong.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? unchecked((long)value)
            : throw new InvalidOperationException($"Grain {grainId} does not have an integer key.");
    }

    private static ReadOnlySpan<char> Split(GrainId grainId, out string? keyExtension)
    {
        var key = grainId.Key.AsSpan();
        var plus = key.IndexOf('+');
        if (plus < 0)
        {
            keyExtension = null;
            return key;
        }

        keyExtension = grainId.Key[(plus + 1)..];
        return key[..plus];
    }
}
