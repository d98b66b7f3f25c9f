namespace TgeSwarm.Runtime.CodeGen.Model;

/// <summary>What parsing one declaration gave: a model (null when it cannot be generated) and its diagnostics.</summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class;
