using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Telemetry;

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        List<string> failures = [];
        var otlp = options.Otlp;
        if (otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            failures.Add($"{TelemetryOptions.SectionName}:Otlp:Endpoint must be an absolute http(s) URL such as http://127.0.0.1:4318; got '{endpoint}'.");
        }

        if (otlp.Protocol is not (OtlpOptions.HttpProtobuf or OtlpOptions.Grpc))
        {
            failures.Add($"{TelemetryOptions.SectionName}:Otlp:Protocol must be '{OtlpOptions.HttpProtobuf}' or '{OtlpOptions.Grpc}'; got '{otlp.Protocol}'.");
        }

        if (otlp.ExportInterval < TimeSpan.FromMilliseconds(100) || otlp.ExportInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{TelemetryOptions.SectionName}:Otlp:ExportInterval must lie between 00:00:00.1 and 00:10:00; got {otlp.ExportInterval}.");
        }

        if (otlp.Headers is { } headers && headers.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(static h => h.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            failures.Add($"{TelemetryOptions.SectionName}:Otlp:Headers must be name=value pairs separated by commas.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add($"{TelemetryOptions.SectionName}:ServiceName must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
