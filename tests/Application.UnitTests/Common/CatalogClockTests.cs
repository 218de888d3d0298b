using Ecommerce.Application.Common;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class CatalogClockTests
{
    [Fact]
    public void The_time_is_cut_to_the_microseconds_postgresql_keeps()
    {
        var precise = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);

        var stored = TestClock.At(precise).UtcNowForStorage();

        Assert.Equal(precise.AddTicks(-7), stored);
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
    }
}
