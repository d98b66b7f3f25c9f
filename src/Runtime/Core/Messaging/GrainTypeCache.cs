using System.Text;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>Grain type names by their wire bytes: every request header names its target's type, and a silo serves few.</summary>
internal sealed class GrainTypeCache() : WireValueCache<string>(32)
{
    protected override string? Decode(ReadOnlySpan<byte> raw, out string problem)
    {
        var type = Encoding.UTF8.GetString(raw);
        problem = $"'{type}' is not a grain type";
        return type.Length == 0 || type.Contains('/', StringComparison.Ordinal) ? null : type;
    }
}
