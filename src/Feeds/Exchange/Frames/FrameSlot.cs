namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// A byte range of a frame rewritten on every pass: digits only (never quotes), so a JSON number and a number in a
/// string are handled alike. <see cref="Value"/> is what the range holds in the recording (seconds for the time
/// kinds, the node for <see cref="SlotKind.UuidNode"/>); <see cref="IdClass"/> indexes the connection's span table.
/// </summary>
internal readonly record struct FrameSlot(int Start, int Length, SlotKind Kind, long Value, int IdClass);
