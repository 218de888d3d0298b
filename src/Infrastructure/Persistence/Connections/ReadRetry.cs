namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>
/// Reads try again after a transient failure, a bounded number of times with a short pause, and
/// only while the request still waits for them. Writes never come here: a write whose answer was
/// lost may have been applied, and sending it again could apply it twice.
/// </summary>
internal static class ReadRetry
{
    public const int MaxAttempts = 3;

    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)];

    /// <summary>
    /// After a read failed: whether to try again, after a pause. A restarted server leaves every idle
    /// pooled connection dead; the first one used breaks, and Npgsql then clears the pool itself, so
    /// the next attempt opens a new connection.
    /// </summary>
    public static async ValueTask<bool> ShouldRetryAsync(Exception exception, int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts || cancellationToken.IsCancellationRequested || !DatabaseFailures.MayRetryRead(exception))
        {
            return false;
        }

        // Jitter, so that the requests an outage failed together do not all come back at once.
        var pause = Pauses[Math.Min(attempt, Pauses.Length) - 1];
        await Task.Delay(pause * (0.5 + Random.Shared.NextDouble()), cancellationToken);
        return true;
    }
}
