namespace TgeSwarm.Runtime;

/// <summary>A grain addressed by a long plus string key.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;
