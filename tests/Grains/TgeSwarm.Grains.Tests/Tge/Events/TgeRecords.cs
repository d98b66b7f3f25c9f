using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>Record comparison by value: <see cref="TgeEvent"/>'s own equality compares the sightings list by reference.</summary>
internal static class TgeRecords
{
    private static readonly TgeSighting[] None = [];

    public static void Same(TgeEvent? expected, TgeEvent? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected with { Sightings = None }, actual with { Sightings = None });
        Assert.Equal(expected.Sightings, actual.Sightings);
    }
}
