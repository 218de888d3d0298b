using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Caching;

/// <summary>
/// Reads the versions that the triggers of migration <c>AddCatalogVersions</c> keep: one small
/// index scan over at most 32 rows, whatever the size of the catalog.
/// </summary>
internal sealed class CatalogVersionReader(NpgsqlDataSource dataSource) : ICatalogVersions
{
    private const string Sum = "SELECT coalesce(sum(version), 0)::bigint FROM catalog_versions WHERE table_name = ANY($1)";

    private static readonly string[] Categories = ["categories"];
    private static readonly string[] Products = ["products"];
    private static readonly string[] Both = ["categories", "products"];

    public async Task<long> CurrentAsync(CatalogTables tables, CancellationToken cancellationToken)
    {
        var names = tables switch
        {
            CatalogTables.Categories => Categories,
            CatalogTables.Products => Products,
            _ => Both,
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand(Sum);
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = names });
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
            catch (Exception exception) when (DatabaseFailures.IsTransient(exception))
            {
                if (!await ReadRetry.ShouldRetryAsync(exception, attempt, cancellationToken))
                {
                    throw;
                }
            }
        }
    }
}
