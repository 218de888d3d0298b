using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Infrastructure.Persistence.Changes;

internal static class ChangeFeedRegistration
{
    /// <summary>
    /// The change feed of the primary. With standbys it stays off: a notification says that the primary
    /// committed, not that the standby serving the next read has replayed it, so a tag read from a
    /// lagging standby after the notification would be remembered as current.
    /// </summary>
    public static IServiceCollection AddCatalogChangeFeed(this IServiceCollection services, IConfiguration configuration, string primaryConnectionString)
    {
        var options = ChangeFeedOptions.From(configuration);
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ReplicaHosts.ConnectionStringName)))
        {
            options = new ChangeFeedOptions { Enabled = false };
        }

        services.AddSingleton(provider => new CatalogChangeListener(
            primaryConnectionString, options, provider.GetRequiredService<ILogger<CatalogChangeListener>>()));
        services.AddSingleton<ICatalogChangeFeed>(provider => provider.GetRequiredService<CatalogChangeListener>());
        services.AddHostedService(provider => provider.GetRequiredService<CatalogChangeListener>());
        return services;
    }
}
