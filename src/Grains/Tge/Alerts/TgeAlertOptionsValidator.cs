using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

internal sealed class TgeAlertOptionsValidator : IValidateOptions<TgeAlertOptions>
{
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, TgeAlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = TgeAlertOptions.SectionName;
        if (options.QueueCapacity < 1)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.QueueCapacity)} must be at least 1 (got {options.QueueCapacity}).");
        }

        if (options.Lanes is < 1 or > 64)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.Lanes)} must be 1..64 (got {options.Lanes}).");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.MaxAttempts)} must be 1..20 (got {options.MaxAttempts}).");
        }

        if (options.InitialBackoff <= TimeSpan.Zero || options.InitialBackoff > options.MaxBackoff)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.InitialBackoff)} must be positive and at most MaxBackoff ({options.MaxBackoff}) (got {options.InitialBackoff}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.AttemptTimeout)} must be positive (got {options.AttemptTimeout}).");
        }

        if (options.LeaseDuration <= options.AttemptTimeout || options.LeaseDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.LeaseDuration)} must be longer than AttemptTimeout ({options.AttemptTimeout}) and at most 1 hour (got {options.LeaseDuration}).");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.PollInterval)} must be 10 ms..1 min (got {options.PollInterval}).");
        }

        if (options.RecentNoticesKept < 0)
        {
            failures.Add($"{Section}:{nameof(TgeAlertOptions.RecentNoticesKept)} must not be negative (got {options.RecentNoticesKept}).");
        }

        var urls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            Validate(options.Webhooks[i], $"{TgeAlertOptions.WebhooksSectionName}:{i}", failures);

            // The outbox keys its rows by URL: two entries with one URL would share (and steal) each other's rows.
            if (!string.IsNullOrEmpty(options.Webhooks[i].Url) && !urls.Add(options.Webhooks[i].Url))
            {
                failures.Add($"{TgeAlertOptions.WebhooksSectionName}:{i}:{nameof(TgeWebhookOptions.Url)} repeats an earlier webhook's URL ('{options.Webhooks[i].Url}'); each URL once.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Validate(TgeWebhookOptions webhook, string prefix, List<string> failures)
    {
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{prefix}:{nameof(TgeWebhookOptions.Url)} must be an absolute http or https URL (got '{webhook.Url}').");
        }

        if (string.IsNullOrEmpty(webhook.Secret) || webhook.Secret.Length < MinSecretLength)
        {
            failures.Add($"{prefix}:{nameof(TgeWebhookOptions.Secret)} must be at least {MinSecretLength} characters.");
        }

        if (!double.IsFinite(webhook.MinConfidence) || webhook.MinConfidence is < 0 or > 1)
        {
            failures.Add($"{prefix}:{nameof(TgeWebhookOptions.MinConfidence)} must be 0..1 (got {webhook.MinConfidence}).");
        }

        foreach (var kind in webhook.Kinds)
        {
            if (kind == TgeKind.None || !Enum.IsDefined(kind))
            {
                failures.Add($"{prefix}:{nameof(TgeWebhookOptions.Kinds)} holds '{kind}', which is not a TGE kind.");
            }
        }
    }
}
