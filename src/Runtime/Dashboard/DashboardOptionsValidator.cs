using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Dashboard;

internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.SampleInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{nameof(DashboardOptions.SampleInterval)} must be at least 100 ms (was {options.SampleInterval}).");
        }

        if (options.HeartbeatInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{nameof(DashboardOptions.HeartbeatInterval)} must be at least 1 s (was {options.HeartbeatInterval}).");
        }

        if (options.ApiKeyCookieLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DashboardOptions.ApiKeyCookieLifetime)} must be positive (was {options.ApiKeyCookieLifetime}).");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKeyCookieName) || options.ApiKeyCookieName.Any(static c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            failures.Add($"{nameof(DashboardOptions.ApiKeyCookieName)} must be a cookie name of letters, digits, '_', '-' or '.' (was '{options.ApiKeyCookieName}').");
        }

        if (options.AllowAnonymous && options.AuthorizationPolicy is not null)
        {
            failures.Add($"{nameof(DashboardOptions.AllowAnonymous)} and {nameof(DashboardOptions.AuthorizationPolicy)} contradict each other: set one.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var panel in options.Panels)
        {
            if (!ids.Add(panel.Id))
            {
                failures.Add($"Two dashboard panels have the id '{panel.Id}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
