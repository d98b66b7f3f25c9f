using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Telemetry;

internal static class TelemetryHostExtensions
{
    /// <summary>
    /// Applies the <c>Telemetry</c> section: JSON console logs when asked, and OTLP export of traces and metrics when
    /// an endpoint is set (grain-call tracing is then switched on in the silo, see <c>UseConfiguredSwarmSilo</c>).
    /// Read and validated while the host is composed, so a bad setting stops the process before anything listens.
    /// </summary>
    public static TelemetryOptions UseConfiguredTelemetry(this WebApplicationBuilder builder)
    {
        var options = Read(builder.Configuration);
        if (options.JsonConsoleLogs)
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                json.IncludeScopes = true;
            });
        }

        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.SectionName));
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        if (options.Otlp.Endpoint is not null)
        {
            builder.Services.AddHostedService<OtlpTelemetryService>();
        }

        return options;
    }

    /// <summary>The section, validated; throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var validation = new TelemetryOptionsValidator().Validate(Options.DefaultName, options);
        return validation.Failed
            ? throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), validation.Failures)
            : options;
    }
}
