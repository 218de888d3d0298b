using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ecommerce.Infrastructure.Persistence;

/// <summary>
/// Used by <c>dotnet ef</c> and migration bundles run without <c>--connection</c>: the same
/// <c>ConnectionStrings__Catalog</c> variable as the service, else the embedded development database.
/// </summary>
public sealed class DesignTimeCatalogDbContextFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{CatalogDatabase.ConnectionStringName}");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = CatalogDatabase.LocalConnectionString;
        }

        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, connectionString);
        return new CatalogDbContext(options.Options);
    }
}
