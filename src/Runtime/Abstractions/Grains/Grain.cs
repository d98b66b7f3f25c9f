namespace TgeSwarm.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime creates the instance, attaches it to its activation, loads
/// its persistent state and then calls <see cref="OnActivateAsync"/>; every method of the instance runs in the
/// activation's turns, one at a time unless the class or method is marked to interleave.
/// </summary>
public abstract class Grain : IGrain
{
    private IGrainContext? _context;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Context.GrainId;

    /// <summary>The identity of the silo hosting this activation.</summary>
    public string RuntimeIdentity => Context.RuntimeIdentity;

    /// <summary>A string naming this activation, for logs.</summary>
    public string IdentityString => Context.ActivationIdentity;

    public IGrainFactory GrainFactory => Context.GrainFactory;

    public IServiceProvider ServiceProvider => Context.ServiceProvider;

    internal IGrainContext Context =>
        _context ?? throw new InvalidOperationException(
            "This grain is not attached to an activation yet: runtime members are available from OnActivateAsync on, not in the constructor.");

    internal void Attach(IGrainContext context) => _context = context;

    public string GetPrimaryKeyString() => GrainId.GetStringKey();

    public Guid GetPrimaryKey() => GrainId.GetGuidKey(out _);

    public Guid GetPrimaryKey(out string? keyExtension) => GrainId.GetGuidKey(out keyExtension);

    public long GetPrimaryKeyLong() => GrainId.GetIntegerKey(out _);

    public long GetPrimaryKeyLong(out string? keyExtension) => GrainId.GetIntegerKey(out keyExtension);

    /// <summary>Called once after the state is loaded and before the first request is delivered.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called before the activation is removed; not called when the silo crashes.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivate when the current turn and the queued requests are done.</summary>
    protected void DeactivateOnIdle() => Context.DeactivateOnIdle();

    /// <summary>Keep this activation from idle collection for at least <paramref name="period"/>.</summary>
    protected void DelayDeactivation(TimeSpan period) => Context.DelayDeactivation(period);

    /// <summary>
    /// Registers a timer whose ticks run as turns of this activation. The next tick is due <see cref="GrainTimerCreationOptions.Period"/>
    /// after the previous callback completes; ticks do not keep the activation alive unless
    /// <see cref="GrainTimerCreationOptions.KeepAlive"/> is set. The callback's token is cancelled when the timer is
    /// disposed or the activation starts deactivating (idle collection, <see cref="DeactivateOnIdle"/>, a silo stop);
    /// a tick still queued then is dropped, never run on the next activation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Context.RegisterGrainTimer(static (s, ct) => ((Func<CancellationToken, Task>)s!)(ct), callback, options);
    }

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Context.RegisterGrainTimer((s, ct) => callback((TState)s!, ct), state, options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// Registers the reminder <paramref name="reminderName"/> of this grain, or changes its schedule: the first tick is
    /// due after <paramref name="dueTime"/>, then one every <paramref name="period"/> (at least
    /// <c>ReminderOptions.MinimumReminderPeriod</c>), until it is unregistered; the grain need not be active. Calling it
    /// again with the same due time and period keeps the running schedule (so registering in <c>OnActivateAsync</c> does
    /// not push the next tick back); any other values replace it. The grain class must implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Reminders.RegisterOrUpdateReminderAsync(GrainId, reminderName, dueTime, period, CancellationToken.None);

    /// <summary>The reminder <paramref name="reminderName"/> of this grain, or null if it is not registered.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Reminders.GetReminderAsync(GrainId, reminderName, CancellationToken.None);

    /// <summary>Every reminder of this grain.</summary>
    protected Task<List<IGrainReminder>> GetReminders() => Reminders.GetRemindersAsync(GrainId, CancellationToken.None);

    /// <summary>
    /// Stops and removes <paramref name="reminder"/>. Fails with <see cref="ReminderException"/> if the reminder was
    /// registered again since the handle was obtained; removing one that is already gone succeeds.
    /// </summary>
    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Reminders.UnregisterReminderAsync(GrainId, reminder, CancellationToken.None);

    private IReminderRegistry Reminders =>
        this is not IRemindable
            ? throw new InvalidOperationException(
                $"Grain class {GetType().FullName} uses reminders but does not implement IRemindable: implement IRemindable.ReceiveReminder (on the class or its grain interface) to receive the ticks.")
            : ServiceProvider.GetService(typeof(IReminderRegistry)) as IReminderRegistry
                ?? throw new InvalidOperationException(
                    "This silo has no reminder service: add one with UseInMemoryReminderService() or UsePostgresReminderService(connectionString) on the silo builder.");
}
