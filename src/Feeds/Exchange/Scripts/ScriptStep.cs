using TgeSwarm.Feeds.Exchange.Frames;

namespace TgeSwarm.Feeds.Exchange.Scripts;

/// <summary>One frame of a <see cref="ReplayScript"/>: when it is due (recorded time from the script's start) and the subscription it needs (−1: none).</summary>
internal readonly record struct ScriptStep(FrameTemplate Frame, long OffsetMicros, int KeyIndex);
