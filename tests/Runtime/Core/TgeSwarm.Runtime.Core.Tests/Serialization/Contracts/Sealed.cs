namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>Members only reachable through [UnsafeAccessor]: a private field, a get-only auto-property, a private setter.</summary>
[GenerateSerializer]
public sealed class Sealed
{
    [Id(0)]
    private int _secret;

    public Sealed()
    {
    }

    public Sealed(int secret, string label, Guid key)
    {
        _secret = secret;
        Label = label;
        Key = key;
    }

    [Id(1)]
    public string Label { get; } = "";

    [Id(2)]
    public Guid Key { get; private set; }

    public int Secret => _secret;
}
