namespace TgeSwarm.Runtime;

/// <summary>A grain addressed by a Guid plus string key.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;
