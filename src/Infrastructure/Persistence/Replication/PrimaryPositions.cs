using System.Diagnostics;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// The primary's WAL position, sampled at a known time, for the last few seconds. A standby's lag is
/// how long ago the primary first had WAL that the standby has not replayed yet: zero on an idle primary,
/// whatever the time of the last transaction (which is where <c>pg_last_xact_replay_timestamp()</c> misleads).
/// </summary>
internal sealed class PrimaryPositions(TimeSpan keep)
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Timestamp, NpgsqlLogSequenceNumber Position)> _samples = new();

    public void Record(NpgsqlLogSequenceNumber position, long timestamp)
    {
        lock (_lock)
        {
            _samples.Enqueue((timestamp, position));
            while (_samples.Count > 1 && Stopwatch.GetElapsedTime(_samples.Peek().Timestamp, timestamp) > keep)
            {
                _samples.Dequeue();
            }
        }
    }

    /// <summary>
    /// At least how far behind a standby that has replayed up to <paramref name="replayed"/> is: the age of
    /// the oldest sample it has not reached. Zero when it has reached the newest (or nothing is known).
    /// </summary>
    public TimeSpan LagOf(NpgsqlLogSequenceNumber replayed, long now)
    {
        lock (_lock)
        {
            foreach (var (timestamp, position) in _samples)
            {
                if (position > replayed)
                {
                    return Stopwatch.GetElapsedTime(timestamp, now);
                }
            }
        }

        return TimeSpan.Zero;
    }
}
