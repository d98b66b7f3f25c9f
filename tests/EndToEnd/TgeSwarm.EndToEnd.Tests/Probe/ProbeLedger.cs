using System.Text;

namespace TgeSwarm.EndToEnd.Tests.Probe;

/// <summary>
/// Every acknowledged increment per key, in the order it was acknowledged (one request per key at a time, so that
/// order is the order the grain ran them). An acknowledged value is a persisted one, so per key they must strictly
/// increase, across any failover; a value at or below an earlier one means an acknowledged increment was lost.
/// </summary>
internal sealed class ProbeLedger
{
    private readonly Dictionary<string, List<ProbeReply>> _acknowledged;

    public ProbeLedger(IEnumerable<string> keys) =>
        _acknowledged = keys.ToDictionary(key => key, _ => new List<ProbeReply>(), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _acknowledged.Keys;

    /// <summary>Records an acknowledged increment; throws when it does not come after every earlier one of its key.</summary>
    public void Record(ProbeReply reply, string phase)
    {
        var history = _acknowledged[reply.Key];
        if (history.Count > 0 && reply.Value <= history[^1].Value)
        {
            throw new InvalidOperationException(
                $"{phase}: {reply.Key} acknowledged {reply.Value} after it had acknowledged {history[^1].Value} ({history[^1].Silo}): " +
                $"an acknowledged increment was lost. History of {reply.Key}: {Describe(reply.Key)}");
        }

        history.Add(reply);
    }

    public int Count(string key) => _acknowledged[key].Count;

    /// <summary>How many acknowledged increments a silo (by its runtime identity) served.</summary>
    public int CountServedBy(Func<string, bool> silo) => _acknowledged.Values.Sum(history => history.Count(reply => silo(reply.Silo)));

    public long LastValue(string key) => _acknowledged[key] is { Count: > 0 } history ? history[^1].Value : 0;

    public string Describe(string key)
    {
        var text = new StringBuilder();
        foreach (var reply in _acknowledged[key])
        {
            text.Append(reply.Value).Append('@').Append(reply.Silo).Append(' ');
        }

        return text.ToString().TrimEnd();
    }
}
