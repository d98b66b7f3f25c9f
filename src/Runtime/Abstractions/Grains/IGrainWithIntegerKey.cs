namespace TgeSwarm.Runtime;

/// <summary>A grain addressed by a long key.</summary>
public interface IGrainWithIntegerKey : IGrain;
