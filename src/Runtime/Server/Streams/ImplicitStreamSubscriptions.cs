using System.Collections.Frozen;
using System.Reflection;
using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Which grain types subscribe implicitly to which stream namespaces, read once from the grain classes'
/// <see cref="ImplicitStreamSubscriptionAttribute"/>s. The consumer of stream <c>ns/key</c> for grain type
/// <c>t</c> is grain <c>t/key</c>.
/// </summary>
internal sealed class ImplicitStreamSubscriptions
{
    private readonly FrozenDictionary<string, string[]> _typesByNamespace;
    private readonly FrozenSet<(string GrainType, string Namespace)> _pairs;

    public ImplicitStreamSubscriptions(GrainClassMap classes)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var info in classes.Classes)
        {
            if (info.IsSystemTarget)
            {
                continue;
            }

            foreach (var attribute in info.ClassType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: true))
            {
                pairs.Add((info.GrainType, attribute.Namespace));
            }
        }

        _pairs = pairs.ToFrozenSet();
        _typesByNamespace = pairs
            .GroupBy(p => p.Item2, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Item1).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The grain types implicitly subscribed to <paramref name="streamNamespace"/>.</summary>
    public IReadOnlyList<string> GrainTypesFor(string streamNamespace) =>
        _typesByNamespace.TryGetValue(streamNamespace, out var types) ? types : [];

    /// <summary>Whether <paramref name="grainId"/> is the implicit subscriber of <paramref name="streamId"/>.</summary>
    public bool IsImplicitSubscriber(GrainId grainId, StreamId streamId) =>
        string.Equals(grainId.Key, streamId.Key, StringComparison.Ordinal) && _pairs.Contains((grainId.Type, streamId.Namespace));
}
