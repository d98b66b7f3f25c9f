using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>A scaled shard group: its template configuration (every task item), its shard count and the assignment.</summary>
[GenerateSerializer]
internal sealed class GroupRecord
{
    [Id(0)]
    public string Type { get; set; } = "";

    [Id(1)]
    public string Group { get; set; } = "";

    [Id(2)]
    public int Shards { get; set; }

    [Id(3)]
    public string Template { get; set; } = "";

    /// <summary>Task item → shard key.</summary>
    [Id(4)]
    public Dictionary<string, string> Assignments { get; set; } = new(StringComparer.Ordinal);

    public static string IdOf(string type, string group) => $"{type}/{group}";
}
