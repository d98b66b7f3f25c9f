namespace TgeSwarm.Grains.Market.Windows;

/// <summary>
/// Reuses the aggregates of released windows. It holds at most as many as were ever live at once, which the
/// window configuration bounds (see WINDOWS.md), so it needs no limit of its own.
/// </summary>
internal sealed class WindowAggregatePool
{
    private readonly Stack<WindowAggregate> _free = new();

    public WindowAggregate Rent() => _free.TryPop(out var aggregate) ? aggregate : new WindowAggregate();

    public void Return(WindowAggregate aggregate)
    {
        aggregate.Reset();
        _free.Push(aggregate);
    }
}
