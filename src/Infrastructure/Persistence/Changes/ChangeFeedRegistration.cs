using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Infrastructure.Persistence.Changes;

internal static class ChangeFeedRegistration
{
    /// <summary>
    /// The change feed of the primary. With standbys it stays off: the primary's versions say what
    /// committed, not what the standby serving the next read has replayed, so a tag read from a lagging
    /// standby after a poll would be remembered as current.
    /// </summary>
    public static IServiceCollection AddCatalogChangeFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ChangeFeedOptions.From(configuration);
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ReplicaHosts.ConnectionStringName)))
        {
            options = new ChangeFeedOptions { Enabled = false };
        }

        services.AddSingleton(provider => new CatalogChangePoller(
            provider.GetRequiredService<CatalogDataSources>().Primary, options, provider.GetRequiredService<ILogger<CatalogChangePoller>>()));
        services.AddSingleton<ICatalogChangeFeed>(provider => provider.GetRequiredService<CatalogChangePoller>());
        services.AddHostedService(provider => provider.GetRequiredService<CatalogChangePoller>());
        return services;
    }
}
