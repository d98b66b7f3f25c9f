using System.Buffers;
using TgeSwarm.Feeds.Exchange.Frames;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>
/// The frame generator: lays a <see cref="ReplayScript"/> out pass after pass and renders each frame as it reads on
/// its pass. The server's connections send what it produces; tests feed it to the venue parsers directly. Which
/// frames a client's subscriptions let through, and the faults, are the caller's. Not thread-safe (one per connection).
/// </summary>
internal sealed class ScriptPlayer(ReplayScript script, long firstPass)
{
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);

    public ReplayScript Script { get; } = script;

    public long FirstPass { get; } = firstPass;

    /// <summary>Every step of pass <see cref="FirstPass"/>, then (with <paramref name="loop"/>) of each pass after it, each pass after the first opening with the prologue.</summary>
    public IEnumerable<PlannedFrame> Frames(bool loop)
    {
        for (var pass = FirstPass; ; pass++)
        {
            var start = (pass - FirstPass) * Script.PassPeriodMicros;
            if (pass > 0)
            {
                foreach (var step in Script.Prologue)
                {
                    yield return new PlannedFrame(step, pass, start + step.OffsetMicros);
                }
            }

            foreach (var step in Script.Steps)
            {
                yield return new PlannedFrame(step, pass, start + step.OffsetMicros);
            }

            if (!loop)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The frame's bytes on its pass, numbered <paramref name="ordinal"/> where the venue numbers frames; the recorded
    /// array itself when nothing changes, else a buffer valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Render(in PlannedFrame frame, long ordinal, QuantityCorruption? corruption = null)
    {
        var template = frame.Step.Frame;
        var corrupt = corruption is not null && template.HasQuantity;
        if (FrameRenderer.IsVerbatim(template, frame.Pass, ordinal, corrupt))
        {
            return template.Bytes;
        }

        _output.ResetWrittenCount();
        FrameRenderer.Render(template, frame.Pass, Script.PassPeriodMicros, ordinal, corrupt ? corruption : null, _output);
        return _output.WrittenMemory;
    }
}
