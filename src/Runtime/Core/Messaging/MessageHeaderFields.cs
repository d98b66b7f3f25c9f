namespace TgeSwarm.Runtime.Messaging;

/// <summary>Which optional header fields follow; one bit each, in the order they are written.</summary>
[Flags]
internal enum MessageHeaderFields : byte
{
    None = 0,
    Target = 1,
    Source = 2,
    CallContext = 4,
    ActivationSilo = 8,
}
