using System.Net;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>This silo's identity, fixed at construction.</summary>
internal sealed class LocalSiloDetails : ILocalSiloDetails
{
    public LocalSiloDetails(IOptions<SiloOptions> options, TimeProvider timeProvider)
    {
        var value = options.Value;
        Name = value.SiloName;
        StartedAt = timeProvider.GetUtcNow();
        SiloAddress = new SiloAddress(new IPEndPoint(IPAddress.Parse(value.AdvertisedAddress), value.SiloPort), SiloAddress.NewGeneration(StartedAt));
    }

    public string Name { get; }

    public SiloAddress SiloAddress { get; }

    public DateTimeOffset StartedAt { get; }

    public SiloStatus Status { get; set; } = SiloStatus.Created;
}
