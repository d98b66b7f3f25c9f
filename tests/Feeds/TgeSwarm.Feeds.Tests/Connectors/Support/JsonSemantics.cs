using System.Text.Json;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// JSON equality as a venue reads a subscribe message: object members in any order, array elements in any order
/// (a list of symbols or topics is a set), numbers by value.
/// </summary>
internal static class JsonSemantics
{
    public static bool Equal(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return Equal(a.RootElement, b.RootElement);
    }

    public static bool Equal(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToList();
                var right = b.EnumerateObject().ToList();
                return left.Count == right.Count
                    && left.All(p => b.TryGetProperty(p.Name, out var other) && Equal(p.Value, other));
            case JsonValueKind.Array:
                var remaining = b.EnumerateArray().ToList();
                foreach (var item in a.EnumerateArray())
                {
                    var match = remaining.FindIndex(r => Equal(item, r));
                    if (match < 0)
                    {
                        return false;
                    }

                    remaining.RemoveAt(match);
                }

                return remaining.Count == 0;
            case JsonValueKind.Number:
                return a.GetDecimal() == b.GetDecimal();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }
}
