using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Bulk;

internal static class BulkPersistenceRegistration
{
    /// <summary>Imports write through the primary; exports read like the other queries (the read routing follows them).</summary>
    public static IServiceCollection AddBulkPersistence(this IServiceCollection services) =>
        services
            .AddSingleton<IProductImporter>(provider => new ProductImporter(provider.GetRequiredService<CatalogDataSources>()))
            .AddSingleton<IProductExportReader>(provider => new ProductExportReader(provider.GetRequiredService<CatalogReads>().DataSource));
}
