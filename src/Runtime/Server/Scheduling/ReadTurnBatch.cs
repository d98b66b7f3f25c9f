using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Scheduling;

/// <summary>
/// The turns one socket read of a connection starts, run together instead of one thread-pool work item each. One per
/// connection; <see cref="TryAdd"/> and <see cref="Flush"/> run on that connection's receive loop only.
///
/// Why: a request reaching an idle activation used to queue the activation to the pool, and under load that
/// dispatch (a queue operation, a thread picking it up with cold caches) is the largest single step of a remote call.
/// Instead, while the loop cuts the read's frames, each idle activation a request reaches is marked scheduled with
/// the request handed over (as it would be for its own work item) and gathered here; when the read is done:
/// <list type="bullet">
/// <item>one gathered turn runs right here on the receive loop (the common case at low concurrency: the next read
/// waits for at most that one turn);</item>
/// <item>several go to the pool as one work item that runs them one after another, so the loop reads on meanwhile;</item>
/// <item>that work item stops after <see cref="BatchTimeBudget"/> and hands the rest to their own work items, so a
/// slow turn delays the others of its read by at most that;</item>
/// <item>a method whose step once ran <see cref="SlowTurn"/> or longer is scheduled the ordinary way from then on
/// (a method cannot be known to be slow before it runs, so its first slow run is the price);</item>
/// <item>at most <see cref="TurnsPerRead"/> per read; the rest of the read is scheduled as before.</item>
/// </list>
/// Only the first step of a turn runs in the batch: a turn that awaits continues on its activation's scheduler, so a
/// waiting turn holds neither the loop nor the batch. The activation decides whether a request may join at all (idle,
/// valid, nothing queued or scheduled: the state in which it would be the next turn anyway), so mailbox order and
/// the one-turn-at-a-time rule hold as they do for a work item.
/// </summary>
internal sealed class ReadTurnBatch
{
    /// <summary>Turns gathered per socket read at most, as many as an activation's quantum of work items.</summary>
    public const int TurnsPerRead = 64;

    /// <summary>How long one batch may run turns before it hands the rest to their own work items.</summary>
    public static readonly TimeSpan BatchTimeBudget = TimeSpan.FromMilliseconds(5);

    /// <summary>A turn's first step this long marks its method as one to schedule the ordinary way from then on.</summary>
    public static readonly TimeSpan SlowTurn = TimeSpan.FromMilliseconds(50);

    private readonly CallClock _clock;
    private readonly long _budgetUnits;
    private readonly long _slowUnits;

    // Copy-on-write: read by the receive loop, replaced by whichever thread ran a slow turn. Rarely more than empty.
    private uint[] _slowMethods = [];
    private List<ActivationData> _gathered = new(4);

    public ReadTurnBatch(CallClock clock)
    {
        _clock = clock;
        _budgetUnits = Math.Max(1, clock.ToUnits(BatchTimeBudget));
        _slowUnits = Math.Max(1, clock.ToUnits(SlowTurn));
    }

    /// <summary>
    /// Gathers <paramref name="activation"/>, idle and about to be marked scheduled with a request of
    /// <paramref name="methodId"/> handed over; false when it must be scheduled the ordinary way instead.
    /// </summary>
    public bool TryAdd(ActivationData activation, uint methodId)
    {
        if (_gathered.Count == TurnsPerRead || IsSlow(methodId))
        {
            return false;
        }

        _gathered.Add(activation);
        return true;
    }

    /// <summary>Runs or hands off what the read gathered (the end of every read that gathered anything).</summary>
    public void Flush()
    {
        var gathered = _gathered;
        if (gathered.Count == 0)
        {
            return;
        }

        if (gathered.Count == 1)
        {
            var activation = gathered[0];
            gathered.Clear();
            activation.RunHandedOff(this);
            return;
        }

        _gathered = new List<ActivationData>(gathered.Count);
        ThreadPool.UnsafeQueueUserWorkItem(new Runner(this, gathered), preferLocal: true);
    }

    /// <summary>A turn of <paramref name="methodId"/> that started at <paramref name="started"/> gave its thread back.</summary>
    public void OnTurnReturned(uint methodId, long started)
    {
        if (_clock.Now() - started < _slowUnits || IsSlow(methodId))
        {
            return;
        }

        while (true)
        {
            var current = Volatile.Read(ref _slowMethods);
            if (current.Contains(methodId) || Interlocked.CompareExchange(ref _slowMethods, [.. current, methodId], current) == current)
            {
                return;
            }
        }
    }

    private bool IsSlow(uint methodId)
    {
        var slow = Volatile.Read(ref _slowMethods);
        return slow.Length > 0 && slow.Contains(methodId);
    }

    private sealed class Runner(ReadTurnBatch batch, List<ActivationData> activations) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            var clock = batch._clock;
            var started = clock.Now();
            for (var i = 0; i < activations.Count; i++)
            {
                if (i > 0 && clock.Now() - started >= batch._budgetUnits)
                {
                    // Over budget (a slow turn, or a preempted thread): the rest go to work items of their own.
                    for (var rest = i; rest < activations.Count; rest++)
                    {
                        activations[rest].ScheduleHandedOff();
                    }

                    return;
                }

                activations[i].RunHandedOff(batch);
            }
        }
    }
}
