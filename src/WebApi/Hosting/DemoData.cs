using Ecommerce.Infrastructure.Persistence.Seeding;

namespace Ecommerce.WebApi.Hosting;

internal static partial class DemoData
{
    public const string SeedSetting = "Catalog:SeedDemoData";

    /// <summary>Seeds the demo catalog when <c>Catalog:SeedDemoData</c> is true (as <c>make run</c> sets it).</summary>
    public static async Task SeedDemoCatalogIfAskedAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(SeedSetting))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoCatalogSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        LogSeeded(app.Logger, seeded ? "seeded the demo catalog" : "left the existing catalog as it is");
    }

    [LoggerMessage(LogLevel.Information, "Demo data: {Outcome}")]
    private static partial void LogSeeded(ILogger logger, string outcome);
}
