namespace TgeSwarm.Runtime.Streams;

/// <summary>One silo's streaming surface: rendezvous grains push subscription changes to the silos producing a stream.</summary>
[Alias("sys.streams")]
internal interface IStreamControl : IGrainWithStringKey
{
    /// <summary>The complete explicit subscription list of one stream, replacing what the silo's queues knew.</summary>
    [ResponseTimeout("00:00:10")]
    Task SubscriptionsChanged(string provider, string streamNamespace, string streamKey, PubSubSnapshot snapshot);
}
