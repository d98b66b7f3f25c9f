namespace TgeSwarm.Grains.Caching;

internal sealed partial class LfuReadCache<TKey, TValue>
{
    /// <summary>A cached value, linked into its frequency bucket from older to newer use.</summary>
    private sealed class Entry(TKey key, TValue value, long expiresAt)
    {
        public TKey Key { get; } = key;

        public TValue Value { get; set; } = value;

        public long ExpiresAt { get; set; } = expiresAt;

        public Bucket? Bucket { get; set; }

        public Entry? Older { get; set; }

        public Entry? Newer { get; set; }
    }

    /// <summary>The entries used exactly <see cref="Frequency"/> times, oldest use first.</summary>
    private sealed class Bucket(long frequency)
    {
        public long Frequency { get; } = frequency;

        public Bucket? Previous { get; set; }

        public Bucket? Next { get; set; }

        public Entry? Oldest { get; private set; }

        public Entry? Newest { get; private set; }

        public bool IsEmpty => Oldest is null;

        public void AddNewest(Entry entry)
        {
            entry.Bucket = this;
            entry.Older = Newest;
            entry.Newer = null;
            if (Newest is null)
            {
                Oldest = entry;
            }
            else
            {
                Newest.Newer = entry;
            }

            Newest = entry;
        }

        public void Remove(Entry entry)
        {
            if (entry.Older is null)
            {
                Oldest = entry.Newer;
            }
            else
            {
                entry.Older.Newer = entry.Newer;
            }

            if (entry.Newer is null)
            {
                Newest = entry.Older;
            }
            else
            {
                entry.Newer.Older = entry.Older;
            }

            entry.Older = null;
            entry.Newer = null;
            entry.Bucket = null;
        }
    }
}
