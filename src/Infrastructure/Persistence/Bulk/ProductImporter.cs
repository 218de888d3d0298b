using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Bulk;

/// <summary>Starts each import on a connection of its own from the primary's pool.</summary>
internal sealed class ProductImporter(CatalogDataSources dataSources) : IProductImporter
{
    public async Task<IProductImport> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSources.Primary.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var create = new NpgsqlCommand(ImportSql.CreateStaging, connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return new ProductImport(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
