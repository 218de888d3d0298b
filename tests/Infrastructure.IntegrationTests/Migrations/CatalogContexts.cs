using Ecommerce.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

internal static class CatalogContexts
{
    public static CatalogDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, connectionString);
        return new CatalogDbContext(options.Options);
    }
}
