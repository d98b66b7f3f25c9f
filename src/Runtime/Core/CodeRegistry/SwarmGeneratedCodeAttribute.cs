namespace TgeSwarm.Runtime.CodeRegistry;

/// <summary>
/// Emitted by the code generator into each assembly it ran on, naming that assembly's
/// <see cref="ISwarmCodeRegistration"/>. The runtime reads it once at start-up; nothing is scanned by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class SwarmGeneratedCodeAttribute(Type registrationType) : Attribute
{
    public Type RegistrationType { get; } = registrationType;
}
