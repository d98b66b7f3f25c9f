namespace TgeSwarm.Runtime;

/// <summary>
/// A handle on a registered reminder, as returned by <c>RegisterOrUpdateReminder</c> and <c>GetReminder</c>. It names
/// one version of the registration: unregistering with a handle older than a later re-registration is refused.
/// </summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
