using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ApiOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions()).Succeeded);
    }

    [Fact]
    public void A_short_admin_key_is_refused_without_echoing_it()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { AdminKey = "hunter2" });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Api:AdminKey must be at least 32 characters (was 7)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_out_of_range_are_each_named()
    {
        var options = new ApiOptions { MaxRequestBodyBytes = 10, MemoryAuditCapacity = 0 };
        options.RateLimit.PermitLimit = 0;
        options.RateLimit.Window = TimeSpan.Zero;

        var failures = new ApiOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Api:MaxRequestBodyBytes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Api:MemoryAuditCapacity", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Api:RateLimit:PermitLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Api:RateLimit:Window", StringComparison.Ordinal));
    }
}
