namespace TgeSwarm.Runtime.Membership;

/// <summary>The membership table's version: a number that every row change increments, and its etag.</summary>
public readonly record struct TableVersion(int Version, string VersionEtag)
{
    public TableVersion Next() => new(Version + 1, VersionEtag);
}
