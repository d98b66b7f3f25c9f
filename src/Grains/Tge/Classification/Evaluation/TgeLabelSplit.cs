using System.Text;

namespace TgeSwarm.Grains.Tge.Classification.Evaluation;

/// <summary>
/// Splits a labelled set into the half rules are tuned on and the half figures are reported on, by a stable hash
/// (FNV-1a, 32 bits) of the NFC title's UTF-8 bytes: the same title always falls on the same side, whatever the
/// file order, machine or runtime, and adding items never moves the old ones.
/// </summary>
internal static class TgeLabelSplit
{
    public static TgeSplit Of(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var normalised = title.Trim().Normalize(NormalizationForm.FormC);
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in normalised.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var index = 0; index < length; index++)
            {
                hash = unchecked((hash ^ buffer[index]) * 16777619u);
            }
        }

        // Not the low bit: FNV's multiplier is odd, so bit 0 is only the parity of the bytes' low bits.
        return ((hash >> 16) & 1) == 0 ? TgeSplit.Tune : TgeSplit.HeldOut;
    }

    public static bool Includes(TgeSplit split, string title) => split == TgeSplit.All || Of(title) == split;

    public static bool TryParse(string text, out TgeSplit split)
    {
        switch (text)
        {
            case "all":
                split = TgeSplit.All;
                return true;
            case "tune":
                split = TgeSplit.Tune;
                return true;
            case "heldout" or "held-out":
                split = TgeSplit.HeldOut;
                return true;
            default:
                split = TgeSplit.All;
                return false;
        }
    }
}
