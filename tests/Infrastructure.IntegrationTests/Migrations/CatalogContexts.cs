using Ecommerce.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ecommerce.Infrastructure.IntegrationTests.Migrations;

internal static class CatalogContexts
{
    public static CatalogDbContext Create(string connectionString, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, connectionString);
        options.AddInterceptors(interceptors);
        return new CatalogDbContext(options.Options);
    }
}
