namespace TgeSwarm.Runtime;

/// <summary>
/// The silo's reminder operations for grains, resolved by <see cref="Grain"/> from its service provider. The silo
/// registers it; without a configured reminder service its operations fail with a message saying how to add one.
/// </summary>
internal interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminderAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken);

    Task<IGrainReminder?> GetReminderAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    Task<List<IGrainReminder>> GetRemindersAsync(GrainId grainId, CancellationToken cancellationToken);

    Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken);
}
