namespace TgeSwarm.Silo.Probe;

/// <summary>The probe's answer: <c>{ "key", "value", "silo" }</c>, where silo is the runtime identity that served it.</summary>
internal sealed record ProbeCounterResponse(string Key, long Value, string Silo);
