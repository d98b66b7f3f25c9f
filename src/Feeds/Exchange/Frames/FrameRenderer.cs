using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Writes a <see cref="FrameTemplate"/> as it reads on a given pass: ids + pass × their class span, times + pass ×
/// the pass period, the connection's frame counter where the venue numbers frames, and optionally the first book
/// quantity spoilt. Everything between slots is copied as recorded, so a frame differs from the recording only
/// where a client could tell passes apart.
/// </summary>
internal static class FrameRenderer
{
    private const long NodeMask = (1L << 48) - 1;

    /// <summary>Whether the frame goes out byte for byte as recorded (pass 0, counter as recorded, nothing spoilt).</summary>
    public static bool IsVerbatim(FrameTemplate frame, long pass, long ordinal, bool corrupt)
    {
        if (corrupt)
        {
            return false;
        }

        foreach (var slot in frame.Slots)
        {
            if (slot.Kind == SlotKind.Ordinal ? slot.Value != ordinal : pass != 0)
            {
                return false;
            }
        }

        return true;
    }

    public static void Render(FrameTemplate frame, long pass, long passPeriodMicros, long ordinal, QuantityCorruption? corruption, ArrayBufferWriter<byte> output)
    {
        var bytes = frame.Bytes;
        var position = 0;
        var quantity = corruption is not null && frame.HasQuantity ? frame.QuantityStart : -1;
        foreach (var slot in frame.Slots)
        {
            if (quantity >= 0 && quantity < slot.Start)
            {
                position = WriteCorrupted(frame, position, corruption!.Value, output);
                quantity = -1;
            }

            output.Write(bytes.AsSpan(position, slot.Start - position));
            WriteSlot(frame, slot, pass, passPeriodMicros, ordinal, output);
            position = slot.Start + slot.Length;
        }

        if (quantity >= 0)
        {
            position = WriteCorrupted(frame, position, corruption!.Value, output);
        }

        output.Write(bytes.AsSpan(position));
    }

    private static int WriteCorrupted(FrameTemplate frame, int position, QuantityCorruption corruption, ArrayBufferWriter<byte> output)
    {
        output.Write(frame.Bytes.AsSpan(position, frame.QuantityStart - position));
        var quantity = frame.Bytes.AsSpan(frame.QuantityStart, frame.QuantityLength);
        if (corruption == QuantityCorruption.Negative)
        {
            output.Write("-"u8);
            output.Write(quantity.TrimStart("-"u8));
        }
        else
        {
            output.Write(quantity);
            output.Write("x"u8);
        }

        return frame.QuantityStart + frame.QuantityLength;
    }

    private static void WriteSlot(FrameTemplate frame, FrameSlot slot, long pass, long passPeriodMicros, long ordinal, ArrayBufferWriter<byte> output)
    {
        var span = output.GetSpan(32);
        int written;
        switch (slot.Kind)
        {
            case SlotKind.Id:
                Utf8Formatter.TryFormat(slot.Value + (pass * frame.Classes.Span(slot.IdClass)), span, out written);
                break;
            case SlotKind.UuidNode:
                Utf8Formatter.TryFormat((slot.Value + pass) & NodeMask, span, out written, new StandardFormat('x', 12));
                break;
            case SlotKind.Millis:
                Utf8Formatter.TryFormat(slot.Value + (pass * (passPeriodMicros / 1000)), span, out written);
                break;
            case SlotKind.Seconds:
                Utf8Formatter.TryFormat(slot.Value + (pass * (passPeriodMicros / 1_000_000)), span, out written);
                break;
            case SlotKind.IsoSeconds or SlotKind.GoSeconds:
                var time = DateTime.UnixEpoch.AddSeconds(slot.Value + (pass * (passPeriodMicros / 1_000_000)));
                time.TryFormat(span, out written, slot.Kind == SlotKind.IsoSeconds ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                break;
            default:
                Utf8Formatter.TryFormat(ordinal, span, out written);
                break;
        }

        output.Advance(written);
    }
}
