namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>How generated code reaches a member it cannot name directly: through an [UnsafeAccessor], never reflection.</summary>
internal enum MemberAccess
{
    Direct,
    Field,
    Method,
    Constructor,
}
