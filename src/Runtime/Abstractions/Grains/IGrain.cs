namespace TgeSwarm.Runtime;

/// <summary>Marks a type whose instances have a grain identity.</summary>
public interface IAddressable;

/// <summary>Base of every grain interface. Use one of the keyed interfaces below.</summary>
public interface IGrain : IAddressable;
