namespace TgeSwarm.Runtime.Dashboard.Tests.Live;

internal sealed record SseEvent(string Name, string? Id, string Data);
