using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// This silo's identity, fixed at construction. The silo port is bound here, before anything can ask for the
/// address, so port 0 (tests, several silos on one machine) yields the real OS-assigned port in the address every
/// other silo and client will use. A port in use fails start-up with a message naming it.
/// </summary>
internal sealed class LocalSiloDetails : ILocalSiloDetails
{
    public LocalSiloDetails(IOptions<SiloOptions> options, TimeProvider timeProvider, ConnectionListener listener)
    {
        var value = options.Value;
        Name = value.SiloName;
        StartedAt = timeProvider.GetUtcNow();
        var address = IPAddress.Parse(value.AdvertisedAddress);
        IPEndPoint bound;
        try
        {
            bound = listener.Bind(new IPEndPoint(address, value.SiloPort));
        }
        catch (SocketException exception)
        {
            throw new InvalidOperationException(
                $"Silo {Name} cannot listen on {value.AdvertisedAddress}:{value.SiloPort}: {exception.Message}. Set {nameof(SiloOptions)}.{nameof(SiloOptions.SiloPort)} to a free port (0 picks one).", exception);
        }

        SiloAddress = new SiloAddress(bound, SiloAddress.NewGeneration(StartedAt));
    }

    /// <summary>An identity with no listener behind it (membership tests that drive agents directly).</summary>
    internal LocalSiloDetails(IOptions<SiloOptions> options, TimeProvider timeProvider)
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
