using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>
/// What the readers read through: the reads data source, and pooled EF Core contexts over it that
/// they rent only when they run an EF Core query. Commands never see it.
/// </summary>
internal sealed class CatalogReads
{
    private CatalogReads(NpgsqlDataSource dataSource, IDbContextFactory<CatalogDbContext> contexts)
    {
        DataSource = dataSource;
        Contexts = contexts;
        using var context = contexts.CreateDbContext();
        Model = context.Model;
    }

    public NpgsqlDataSource DataSource { get; }

    public IDbContextFactory<CatalogDbContext> Contexts { get; }

    /// <summary>EF Core's model, from which the plain-Npgsql readers take their columns.</summary>
    public IModel Model { get; }

    public static CatalogReads Over(NpgsqlDataSource dataSource)
    {
        // EF Core registers one pooled factory per context type, and that one serves commands.
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        CatalogDatabase.Configure(options, dataSource);
        return new CatalogReads(dataSource, new PooledDbContextFactory<CatalogDbContext>(options.Options));
    }
}
