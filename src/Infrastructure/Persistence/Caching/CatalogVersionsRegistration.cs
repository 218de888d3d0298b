using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Infrastructure.Persistence.Caching;

internal static class CatalogVersionsRegistration
{
    public static IServiceCollection AddCatalogVersions(this IServiceCollection services) =>
        services.AddSingleton<ICatalogVersions>(provider => new CatalogVersionReader(provider.GetRequiredService<CatalogReads>().DataSource));
}
