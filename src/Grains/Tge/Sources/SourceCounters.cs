using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>What a source activation counted: polls and items, failures by reason, item problems by name, the last ids emitted.</summary>
internal sealed class SourceCounters
{
    private const int RecentKept = 32;

    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _itemProblems = new(StringComparer.Ordinal);
    private readonly Queue<string> _recent = new();

    public long Polls { get; set; }

    public long ItemsSeen { get; set; }

    public long ItemsEmitted { get; private set; }

    public long NotModified { get; set; }

    public int ConsecutiveErrors { get; private set; }

    public DateTimeOffset? FailingSince { get; private set; }

    public string? LastReason { get; private set; }

    public void Failed(string reason, DateTimeOffset at)
    {
        _errors[reason] = _errors.GetValueOrDefault(reason) + 1;
        ConsecutiveErrors++;
        FailingSince ??= at;
        LastReason = reason;
    }

    public void Succeeded()
    {
        ConsecutiveErrors = 0;
        FailingSince = null;
        LastReason = null;
    }

    public void ItemProblem(string name, int count) => _itemProblems[name] = _itemProblems.GetValueOrDefault(name) + count;

    public void Emitted(string itemId)
    {
        ItemsEmitted++;
        _recent.Enqueue(itemId);
        if (_recent.Count > RecentKept)
        {
            _recent.Dequeue();
        }
    }

    public IReadOnlyDictionary<string, long> Errors => new Dictionary<string, long>(_errors, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ItemProblems => new Dictionary<string, long>(_itemProblems, StringComparer.Ordinal);

    public IReadOnlyList<string> RecentItemIds => [.. _recent];
}
