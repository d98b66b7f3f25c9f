namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// One recorded frame prepared for replay: its bytes, the ranges a later pass rewrites (in byte order), the
/// subscription key it belongs to (null for frames no subscription owns: acks, heartbeats, status), and the
/// first quantity of a book delta (the range <see cref="ReplayFaultKind.CorruptQuantity"/> spoils, −1 if none).
/// </summary>
internal sealed class FrameTemplate(byte[] bytes, FrameSlot[] slots, FrameKind kind, string? key, int quantityStart, int quantityLength, long micros, IdClassTable classes)
{
    public byte[] Bytes { get; } = bytes;

    public FrameSlot[] Slots { get; } = slots;

    public FrameKind Kind { get; } = kind;

    public string? Key { get; } = key;

    public int QuantityStart { get; } = quantityStart;

    public int QuantityLength { get; } = quantityLength;

    /// <summary>When the recorder received it, UTC microseconds.</summary>
    public long Micros { get; } = micros;

    /// <summary>The id spans of the recorded connection the frame came from.</summary>
    public IdClassTable Classes { get; } = classes;

    public bool HasQuantity => QuantityStart >= 0;
}
