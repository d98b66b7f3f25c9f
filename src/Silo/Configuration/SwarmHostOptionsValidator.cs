using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Configuration;

internal sealed class SwarmHostOptionsValidator : IValidateOptions<SwarmHostOptions>
{
    // A shorter shared secret is a placeholder or a typo, not a secret.
    public const int MinimumClusterSecretLength = 16;

    private const string Section = SwarmHostOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SwarmHostOptions options)
    {
        var failures = new List<string>();
        RejectBlank(failures, nameof(SwarmHostOptions.SiloName), options.SiloName);
        RejectBlank(failures, nameof(SwarmHostOptions.ClusterId), options.ClusterId);
        RejectBlank(failures, nameof(SwarmHostOptions.ServiceId), options.ServiceId);

        if (options.SiloPort is < 0 or > IPEndPoint.MaxPort)
        {
            failures.Add($"{Section}:{nameof(SwarmHostOptions.SiloPort)} must be between 0 and {IPEndPoint.MaxPort} (was {options.SiloPort}).");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{Section}:{nameof(SwarmHostOptions.AdvertisedAddress)} must be an IP address (was '{options.AdvertisedAddress}').");
        }

        if (options.Postgres is not null)
        {
            ValidateClusterMember(failures, options);
        }
        else if (options.ClusterSecret is not null)
        {
            ValidateSecret(failures, options.ClusterSecret);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateClusterMember(List<string> failures, SwarmHostOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            failures.Add($"{Section}:{nameof(SwarmHostOptions.Postgres)} is set but empty; remove it for the embedded default, or give a connection string.");
            return;
        }

        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = options.Postgres };
        }
        catch (ArgumentException e)
        {
            // The connection string may hold a password: name the problem, never echo the value.
            failures.Add($"{Section}:{nameof(SwarmHostOptions.Postgres)} is not a valid connection string: {e.Message}");
        }

        if (options.ClusterSecret is null)
        {
            failures.Add($"{Section}:{nameof(SwarmHostOptions.ClusterSecret)} is required when {Section}:{nameof(SwarmHostOptions.Postgres)} is set: cluster members must authenticate each other.");
        }
        else
        {
            ValidateSecret(failures, options.ClusterSecret);
        }
    }

    private static void ValidateSecret(List<string> failures, string secret)
    {
        if (secret.Length < MinimumClusterSecretLength)
        {
            failures.Add($"{Section}:{nameof(SwarmHostOptions.ClusterSecret)} must be at least {MinimumClusterSecretLength} characters (was {secret.Length}).");
        }
    }

    private static void RejectBlank(List<string> failures, string property, string? value)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{property} must not be blank; remove it to use the default.");
        }
    }
}
