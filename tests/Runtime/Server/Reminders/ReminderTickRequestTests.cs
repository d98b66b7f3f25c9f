using System.Buffers;
using System.Text;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Reminders;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>The hand-written tick request crosses silos like a generated one.</summary>
public sealed class ReminderTickRequestTests
{
    private readonly SwarmCodeRegistry _registry = new SwarmCodeRegistry().AddAssembly(typeof(ReminderTickRequest).Assembly);

    [Fact]
    public void Its_method_id_is_made_like_a_generated_one_and_the_registry_creates_it_by_that_id()
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(ReminderTickRequest.Signature))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        Assert.Equal(ReminderTickRequest.Id, hash);
        Assert.True(_registry.TryCreateRequest(ReminderTickRequest.Id, out var request));
        Assert.IsType<ReminderTickRequest>(request);
    }

    [Fact]
    public void Its_arguments_survive_the_wire()
    {
        var codecs = new CodecProvider(_registry);
        var status = new TickStatus(new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc), TimeSpan.FromMinutes(3), new DateTime(2026, 2, 3, 4, 11, 6, DateTimeKind.Utc)) { MissedTicks = 2 };
        var sent = new ReminderTickRequest { ReminderName = "poll", Status = status };
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new SwarmWriter(buffer);

        sent.WriteArguments(ref writer, codecs);
        writer.Commit();
        var received = new ReminderTickRequest();
        var reader = new SwarmReader(buffer.WrittenSpan);
        received.ReadArguments(ref reader, codecs);

        Assert.Equal("poll", received.ReminderName);
        Assert.Equal(status, received.Status);
        Assert.Equal(DateTimeKind.Utc, received.Status.CurrentTickTime.Kind);
    }

    [Fact]
    public async Task Delivered_to_a_grain_that_is_not_remindable_it_fails_naming_the_grain_and_the_reminder()
    {
        var request = new ReminderTickRequest { ReminderName = "poll", TargetId = GrainId.Create("counter", "x") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await request.InvokeAsync(new object()));

        Assert.Contains("counter/x", error.Message, StringComparison.Ordinal);
        Assert.Contains("'poll'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not implement IRemindable", error.Message, StringComparison.Ordinal);
    }
}
