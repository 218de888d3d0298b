namespace Ecommerce.Application.Common;

public static class CatalogClock
{
    /// <summary>
    /// The current UTC time at PostgreSQL's precision (microseconds), so that what a write returns
    /// equals what a later read returns.
    /// </summary>
    public static DateTime UtcNowForStorage(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
