using Ecommerce.Infrastructure.Persistence;
using Ecommerce.Infrastructure.Persistence.DerivedData;
using Npgsql;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// <c>Ecommerce.WebApi derived-data check|rebuild</c>: the supported way to find and repair drift in
/// the values the database derives from the catalog's rows (docs/migrations.md), run with the
/// service's own configuration instead of serving requests. <c>check</c> exits 1 when it finds drift.
/// </summary>
internal static class DerivedDataCommand
{
    public const string Verb = "derived-data";

    public static bool IsRequested(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [Verb, "check" or "rebuild"])
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} check|rebuild");
            return 2;
        }

        var configuration = WebApplication.CreateBuilder(args[2..]).Configuration;
        var connectionString = configuration.GetConnectionString(CatalogDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync($"The connection string '{CatalogDatabase.ConnectionStringName}' is not configured.");
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var maintenance = new DerivedDataMaintenance(dataSource);
        return args[1] == "check" ? await CheckAsync(maintenance) : await RebuildAsync(maintenance);
    }

    private static async Task<int> CheckAsync(DerivedDataMaintenance maintenance)
    {
        var drift = await maintenance.FindDriftAsync(CancellationToken.None);
        foreach (var value in drift)
        {
            Console.WriteLine($"drift in {value.Set}: {value.Key} records {value.Recorded}, its rows say {value.Actual}");
        }

        Console.WriteLine(drift.Count == 0
            ? $"No drift in {string.Join(", ", DerivedDataSet.All.Select(set => set.Name))}."
            : $"{drift.Count} derived value(s) drifted: run `{Verb} rebuild`.");
        return drift.Count == 0 ? 0 : 1;
    }

    private static async Task<int> RebuildAsync(DerivedDataMaintenance maintenance)
    {
        foreach (var (set, corrected) in await maintenance.RebuildAsync(CancellationToken.None))
        {
            Console.WriteLine($"Rebuilt {set}: {corrected} value(s) corrected.");
        }

        return 0;
    }
}
