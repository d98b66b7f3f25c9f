using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// The queen keeps a registry of agents, each with a configuration and a commanded state (running or stopped), and
/// converges what runs on what is commanded. Two switches lie on top of the commanded state: a paused pipeline stops
/// its agents, and the halt pauses every pipeline; the effective desired state is Halted, else Paused, else the
/// commanded one. Nothing is forgotten by pausing or halting, so resuming brings back exactly what ran before.
/// <para>
/// Commands are checked completely before anything changes; then the registry is written (a failed write reloads the
/// stored state, so the command changed nothing) and only then are agents started or stopped. A start or stop that
/// fails leaves the registry right and the agent wrong, which the reconciliation repairs: every
/// <see cref="QueenOptions.ReconcileInterval"/> a pass reads every agent's status through its type's
/// <see cref="IAgentDriver"/> (bounded by <see cref="QueenOptions.StatusTimeout"/>; an unreadable status is a
/// failure), stops what should not run, and hands agents that should run but do not to the health monitor. The monitor
/// restarts such an agent up to <see cref="QueenOptions.MaxRestartAttempts"/> times, one restart per pass; if it is still
/// down, it waits <see cref="QueenOptions.RestartCooldown"/>, and if the agent has not recovered by then, gives up and
/// only alerts, until an operator restarts it or it recovers by itself (seen running: attempts are forgotten).
/// </para>
/// <para>
/// An agent on a silo that died is found by the next status read: the read activates it again on a survivor, which
/// reconnects from its own persisted settings (ingestion shards do), or reports it stopped, which the monitor repairs
/// by starting it with the registered configuration. The queen itself is a singleton on hash placement; its state is
/// persisted and a reminder reactivates it (and with it the reconciliation timer) after its silo is lost.
/// </para>
/// <para>Every command and every step of the loop and monitor is appended to a bounded action log with its reason.</para>
/// </summary>
internal sealed partial class QueenGrain(
    [PersistentState("queen", PersistentStateAttribute.DefaultStorageName)] IPersistentState<QueenState> state,
    AgentDrivers drivers,
    CoordinationInstruments instruments,
    IOptions<QueenOptions> options,
    TimeProvider time,
    ILogger<QueenGrain> logger)
    : Grain, IQueenGrain, IRemindable
{
    public const string KeepAliveReminder = "queen-keepalive";

    /// <summary>The actor of everything the queen does by itself.</summary>
    public const string SelfActor = "queen";

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly QueenOptions _options = options.Value;
    private IGrainTimer? _reconcileTimer;

    private CancellationToken _hostStopping;

    private QueenState State => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (this.GetPrimaryKeyLong() != IQueenGrain.SingletonKey)
        {
            throw new InvalidOperationException($"The queen is a singleton under key {IQueenGrain.SingletonKey}, not {this.GetPrimaryKeyLong()}.");
        }

        _hostStopping = ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        _reconcileTimer = RegisterGrainTimer(
            ReconcileTickAsync, new GrainTimerCreationOptions(_options.ReconcileInterval, _options.ReconcileInterval) { KeepAlive = true });
        if (State.Agents.Count > 0)
        {
            await EnsureReminderAsync();
        }

        instruments.Observed(BuildHealth());
        Log.Activated(logger, State.Agents.Count, RuntimeIdentity);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _reconcileTimer?.Dispose();
        _reconcileTimer = null;
        instruments.Left();
        return Task.CompletedTask;
    }

    // The tick only needs to activate the queen: activation starts the reconciliation timer.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task EnsureReminderAsync()
    {
        if (await GetReminder(KeepAliveReminder) is null)
        {
            await RegisterOrUpdateReminder(KeepAliveReminder, ReminderPeriod, ReminderPeriod);
        }
    }

    /// <summary>Writes the state; if the write fails, reloads the stored state so the command that changed it changed nothing.</summary>
    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.PersistFailed(logger, exception);
            await state.ReadStateAsync(CancellationToken.None);
            if (!state.RecordExists)
            {
                // Nothing stored yet: a read leaves the changed state in place, so start again from empty.
                state.State = new QueenState();
            }

            throw;
        }
    }

    private AgentRecord Find(string type, string key) =>
        State.Agents.TryGetValue(AgentRecord.IdOf(type, key), out var record) ? record : throw AgentNotFoundException.For(type, key);

    private bool IsPaused(string pipeline) => State.Halt is not null || (State.Pipelines.TryGetValue(pipeline, out var p) && p.Paused);

    /// <summary>The state the queen aims for: the halt, then the pipeline's pause, then the commanded state.</summary>
    private AgentState EffectiveDesired(AgentRecord record) =>
        State.Halt is not null ? AgentState.Halted
        : IsPaused(record.Pipeline) ? AgentState.Paused
        : record.Desired;

    private void ThrowIfHalted()
    {
        if (State.Halt is { } halt)
        {
            throw new AgentConflictException(
                $"The swarm is halted since {halt.At:u} by {halt.Actor} ({halt.Reason}); nothing starts until a pipeline is resumed.");
        }
    }

    private QueenAction Record(string actor, string action, string target, string? reason, bool succeeded, string outcome)
    {
        var entry = new QueenAction(State.NextActionId++, time.GetUtcNow(), actor, action, target, reason, succeeded, outcome);
        State.Actions.Add(entry);
        if (State.Actions.Count > _options.MaxActions)
        {
            State.Actions.RemoveRange(0, State.Actions.Count - _options.MaxActions);
        }

        instruments.Acted(action, succeeded);
        if (succeeded)
        {
            Log.Action(logger, actor, action, target, reason ?? "", outcome);
        }
        else
        {
            Log.ActionFailed(logger, actor, action, target, reason ?? "", outcome);
        }

        return entry;
    }

    private CallBudget Budget(TimeSpan timeout, CancellationToken cancellationToken) => new(timeout, time, cancellationToken);
}
