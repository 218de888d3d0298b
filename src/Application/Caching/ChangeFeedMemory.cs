using System.Collections.Concurrent;

namespace Ecommerce.Application.Caching;

/// <summary>
/// Values read from the database, each with the <see cref="ICatalogChangeFeed"/> position taken before
/// its read: a value is current while the position has not moved. Bounded: past its capacity it
/// starts over, cheaper than tracking use; the values come back with the next reads.
/// </summary>
public sealed class ChangeFeedMemory<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Remembered> _remembered = new();
    private int _count;

    /// <summary>The value read for <paramref name="key"/> at <paramref name="position"/>, if that is where the feed still is.</summary>
    public bool TryGet(TKey key, long position, out TValue value)
    {
        if (_remembered.TryGetValue(key, out var remembered) && remembered.Position == position)
        {
            value = remembered.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Remember(TKey key, TValue value, long position)
    {
        var remembered = new Remembered(value, position);
        if (_remembered.TryGetValue(key, out var old))
        {
            // Most reads find what they read last time: nothing to store, and no node to allocate.
            if (old != remembered)
            {
                _remembered.TryUpdate(key, remembered, old);
            }

            return;
        }

        if (Interlocked.Increment(ref _count) > capacity)
        {
            _remembered.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        if (!_remembered.TryAdd(key, remembered))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private readonly record struct Remembered(TValue Value, long Position);
}
