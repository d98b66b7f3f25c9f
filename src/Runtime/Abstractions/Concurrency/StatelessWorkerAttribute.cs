namespace TgeSwarm.Runtime;

/// <summary>
/// Activations of this grain class are a pool local to the calling silo, up to <see cref="MaxLocalWorkers"/>
/// of them (default: the processor count), with no directory registration; a request goes to an idle worker,
/// or a new one while the pool is below its maximum.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers) : Attribute
{
    public StatelessWorkerAttribute()
        : this(-1)
    {
    }

    /// <summary>The pool size; -1 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}
