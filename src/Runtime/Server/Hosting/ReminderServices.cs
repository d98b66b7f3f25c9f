using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Reminders;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// The silo's reminder machinery, added to every silo: it stays idle until a reminder service
/// (<see cref="ReminderHostingExtensions.UseInMemoryReminderService"/>, or <c>UsePostgresReminderService</c> from the
/// PostgreSQL assembly, which cannot reach these types) registers an <see cref="IReminderTable"/>; without one, a grain
/// that registers a reminder is told how to add one.
/// </summary>
internal static class ReminderServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddValidatedOptions<ReminderOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton<ReminderInstruments>();
        services.TryAddSingleton<LocalReminderService>();
        services.TryAddSingleton<IReminderRegistry, ReminderRegistry>();
        services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<LocalReminderService>());
    }
}
