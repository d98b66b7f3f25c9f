namespace TgeSwarm.Runtime.CodeGen.Model;

internal sealed record ParameterModel(string Name, string Type, bool IsShallow, bool IsCancellationToken);
