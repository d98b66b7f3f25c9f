namespace TgeSwarm.Runtime.SystemTargets;

/// <summary>
/// System targets are the runtime's own per-silo services (the directory partition, silo control), addressed as
/// grains whose type starts with <c>sys.</c> and whose key is the silo address: a call to one goes to exactly that
/// silo, never through placement or the directory, and fails fast when that silo is gone.
/// </summary>
internal static class SystemTargetIds
{
    public const string Prefix = "sys.";

    public static bool IsSystemTarget(GrainId grainId) => grainId.Type.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsSystemTarget(string grainType) => grainType.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The silo a system target id names; false (and a null silo) for a key that is no silo address.</summary>
    public static bool TryGetSilo(GrainId grainId, out SiloAddress silo)
    {
        try
        {
            silo = SiloAddress.Parse(grainId.Key);
            return true;
        }
        catch (FormatException)
        {
            silo = null!;
            return false;
        }
    }
}
