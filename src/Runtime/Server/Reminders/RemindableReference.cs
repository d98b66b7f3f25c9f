using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// A reference to a grain that receives reminder ticks, for sending <see cref="ReminderTickRequest"/>s through the
/// silo's normal call path (placement, activation, mailbox, timeouts). No proxy is generated for
/// <see cref="IRemindable"/>, and none is needed: only the runtime sends ticks.
/// </summary>
internal sealed class RemindableReference(GrainId grainId, IGrainReferenceRuntime runtime) : GrainReference(grainId, runtime)
{
    public override Type InterfaceType => typeof(IRemindable);

    /// <summary>Sends <paramref name="tick"/>; its outcome goes to the tick's response sink.</summary>
    public void Send(ReminderTickRequest tick) => Runtime.SendRequest(this, tick);
}
