using System.IO.Compression;

namespace TgeSwarm.Feeds.Replay;

/// <summary>Reads a recording, plain or gzip-compressed (told apart by the gzip magic bytes, not the file name).</summary>
internal static class RecordingBytes
{
    // Recordings are a few MB: reading one whole keeps the line loop a plain span walk.
    public static byte[] ReadAll(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var whole = new MemoryStream();
        input.CopyTo(whole);
        var bytes = whole.ToArray();
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
