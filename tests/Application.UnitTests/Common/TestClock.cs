namespace Ecommerce.Application.UnitTests.Common;

internal static class TestClock
{
    public static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public static TimeProvider At(DateTime now)
    {
        var clock = Substitute.For<TimeProvider>();
        clock.GetUtcNow().Returns(new DateTimeOffset(now));
        return clock;
    }

    public static TimeProvider Fixed() => At(Now);
}
