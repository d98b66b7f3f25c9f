namespace TgeSwarm.Runtime.Invocation;

/// <summary>How a grain method may be scheduled and answered; set by the generator from the interface's attributes.</summary>
[Flags]
public enum InvokeOptions
{
    None = 0,
    OneWay = 1,
    AlwaysInterleave = 2,
    ReadOnly = 4,
}
