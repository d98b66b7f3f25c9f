namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>The stream provider and namespaces the TGE detection pipeline hands its work over on.</summary>
public static class TgeStreamNames
{
    /// <summary>The stream provider the silo registers for the TGE pipeline (memory streams on the embedded default).</summary>
    public const string Provider = "tge";

    /// <summary>New items as a source grain read them (<see cref="TgeItem"/>); key: source id. Consumed by the keyword stage.</summary>
    public const string Raw = "tge.raw";

    /// <summary>Items the keyword stage classified as TGEs (<see cref="TgeCandidate"/>); key: token slug. Consumed by the event grain.</summary>
    public const string Candidates = "tge.candidates";

    /// <summary>New and updated event records (<see cref="TgeEventNotice"/>); key: <see cref="EventsKey"/>. Read by alerts, API and dashboard.</summary>
    public const string Events = "tge.events";

    /// <summary>The one key of the <see cref="Events"/> stream: every notice goes through it, in order per event.</summary>
    public const string EventsKey = "all";
}
