namespace TgeSwarm.Runtime.Messaging;

/// <summary>Which optional header fields follow; one bit each, in the order they are written.</summary>
[Flags]
internal enum MessageHeaderFields : byte
{
    None = 0,
    Target = 1,
    Source = 2,
    SendingSilo = 4,
    TargetSilo = 8,
    CallContext = 16,
    ActivationSilo = 32,
}
