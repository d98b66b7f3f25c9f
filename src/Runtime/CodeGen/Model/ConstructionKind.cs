namespace TgeSwarm.Runtime.CodeGen.Model;

internal enum ConstructionKind
{
    /// <summary><c>new T()</c>, then each member read is assigned, so member initializers survive for absent ids.</summary>
    Default,

    /// <summary>A constructor whose parameters all map to serialized members (positional records, primary constructors).</summary>
    Constructor,

    /// <summary>No usable constructor: an uninitialized instance, then every member assigned.</summary>
    Uninitialized,
}
