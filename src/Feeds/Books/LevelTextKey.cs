namespace TgeSwarm.Feeds.Books;

/// <summary>
/// A level's checksum text as a CRC from a zero register (low 32 bits) and a length (above; 0: not known yet), for
/// the whole level and for its price part.
/// </summary>
internal readonly record struct LevelTextKey(ulong Level, ulong Price);
