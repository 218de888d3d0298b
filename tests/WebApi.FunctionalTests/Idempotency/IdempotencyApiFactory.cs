using Microsoft.AspNetCore.Hosting;

namespace Ecommerce.WebApi.FunctionalTests.Idempotency;

/// <summary>The service with a clock the tests move forward, to see keys expire.</summary>
public sealed class IdempotencyApiFactory : CatalogApiFactory
{
    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The real time, moved forward by what a test asks for.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
