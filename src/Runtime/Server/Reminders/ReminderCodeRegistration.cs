using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Reminders;

[assembly: SwarmGeneratedCode(typeof(ReminderCodeRegistration))]

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// The hand-written counterpart of generated registrations for reminder ticks: the tick request's factory (so a silo
/// can read a tick sent by another) and the <see cref="TickStatus"/> codec (also used by proxies generated for grain
/// interfaces that derive from <see cref="IRemindable"/>).
/// </summary>
internal sealed class ReminderCodeRegistration : ISwarmCodeRegistration
{
    public void Register(SwarmCodeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSerializer<TickStatus>(static codecs => new TickStatusCodec(codecs), TickStatusCodec.Alias);
        registry.AddRequest(ReminderTickRequest.Id, ReminderTickRequest.Signature, static () => new ReminderTickRequest());
    }
}
