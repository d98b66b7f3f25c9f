using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>Whether a target silo is dead, as the membership view says, remembered for the last silo asked.</summary>
internal sealed partial class MessageRouter
{
    // A remote call asks twice (the cached location, then the send), and the view answers through an immutable
    // dictionary and an endpoint map: a few hundred nanoseconds per call, for an answer that only changes with the
    // view. The memo is exact: it holds the view it was computed from and is used only while that view is current,
    // for the same silo object (the location cache and the ring hand out the view's own instances).
    private LivenessMemo? _liveness;

    private bool IsDead(SiloAddress silo)
    {
        var view = _directory.Snapshot;
        if (Volatile.Read(ref _liveness) is { } memo && ReferenceEquals(memo.View, view) && ReferenceEquals(memo.Silo, silo))
        {
            return memo.Dead;
        }

        var dead = view.IsDead(silo);
        Volatile.Write(ref _liveness, new LivenessMemo(view, silo, dead));
        return dead;
    }

    private sealed record LivenessMemo(ClusterMembershipSnapshot View, SiloAddress Silo, bool Dead);
}
