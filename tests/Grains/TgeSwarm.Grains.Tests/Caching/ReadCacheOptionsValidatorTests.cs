using TgeSwarm.Grains.Caching;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ReadCacheOptionsValidatorTests
{
    private static readonly ReadCacheOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validator.Validate(null, new ReadCacheOptions()).Succeeded);
        Assert.True(Validator.Validate("x", new ReadCacheOptions { DefaultTtl = null }).Succeeded);
        Assert.True(Validator.Validate("x", new ReadCacheOptions { DefaultTtl = Timeout.InfiniteTimeSpan }).Succeeded);
    }

    [Theory]
    [InlineData(0, ReadCachePolicy.Lru, 1.0, "Capacity")]
    [InlineData(ReadCacheOptionsValidator.MaxCapacity + 1, ReadCachePolicy.Lru, 1.0, "Capacity")]
    [InlineData(10, (ReadCachePolicy)9, 1.0, "Policy")]
    [InlineData(10, ReadCachePolicy.Arc, 0.0, "DefaultTtl")]
    [InlineData(10, ReadCachePolicy.Arc, -1.0, "DefaultTtl")]
    public void Each_bad_setting_is_named_with_the_cache(int capacity, ReadCachePolicy policy, double ttlSeconds, string property)
    {
        var result = Validator.Validate("features", new ReadCacheOptions { Capacity = capacity, Policy = policy, DefaultTtl = TimeSpan.FromSeconds(ttlSeconds) });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"ReadCacheOptions 'features'.{property} ", failure, StringComparison.Ordinal);
    }
}
