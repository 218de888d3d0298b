using Ecommerce.Infrastructure.Persistence.Migrating;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Ecommerce.Infrastructure.Persistence;

/// <summary>How the catalog connects to PostgreSQL, shared by the service and the EF Core tools.</summary>
public static class CatalogDatabase
{
    public const string ConnectionStringName = "Catalog";

    /// <summary>The embedded development database that <c>make db-start</c> runs; it has no password.</summary>
    public const string LocalConnectionString = "Host=127.0.0.1;Port=55432;Database=catalog;Username=postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, ConfigureNpgsql)
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IHistoryRepository, CatalogHistoryRepository>();

    /// <summary>The service's configuration: EF Core and the plain Npgsql readers share one data source, so one pool.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, ConfigureNpgsql)
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IHistoryRepository, CatalogHistoryRepository>();

    private static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsAssembly(typeof(CatalogDatabase).Assembly.FullName);
}
