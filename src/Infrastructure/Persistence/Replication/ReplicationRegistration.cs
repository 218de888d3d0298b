using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ecommerce.Infrastructure.Persistence.Replication;

internal static class ReplicationRegistration
{
    /// <summary>
    /// The read routes (the primary's query pools, and one per host of <c>CatalogReplicas</c> when it is
    /// set), their monitors, and the consistency tokens. Call after the readers are registered.
    /// </summary>
    public static IServiceCollection AddReadRouting(this IServiceCollection services, IConfiguration configuration, string primaryConnectionString)
    {
        var replicas = configuration.GetConnectionString(ReplicaHosts.ConnectionStringName);
        var options = ReplicaOptions.From(configuration);
        services.AddSingleton(provider =>
        {
            var dataSources = provider.GetRequiredService<CatalogDataSources>();
            var primary = new ReadRoute(0, "primary", CatalogReads.Over(dataSources.Reads));
            var positions = new PrimaryPositions(options.MaxLag + (options.SampleInterval * 3));
            if (string.IsNullOrWhiteSpace(replicas))
            {
                return new ReadRouting(primary, [], positions, options, loadBalance: false);
            }

            var history = new Lazy<MigrationHistory>(() => MigrationHistory.Of(provider.GetRequiredService<IDbContextFactory<CatalogDbContext>>()));
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<ReadRouting>();
            var hosts = ReplicaHosts.Parse(replicas, primaryConnectionString, CatalogDatabaseOptions.From(configuration), out var primariesServeReads);
            var monitors = hosts.Select(host => new StandbyMonitor(host, options, positions, history, primariesServeReads, logger)).ToList();
            return new ReadRouting(primary, monitors, positions, options, new Npgsql.NpgsqlConnectionStringBuilder(replicas).LoadBalanceHosts);
        });
        services.AddSingleton(provider => provider.GetRequiredService<ReadRouting>().Primary.Reads);
        services.AddSingleton<ConsistencyTokens>();
        services.AddHostedService(provider => new ReplicaMonitoring(
            provider.GetRequiredService<ReadRouting>(),
            string.IsNullOrWhiteSpace(replicas) ? null : ReplicaHosts.PrimaryMonitor(primaryConnectionString)));
        services.RouteQueriesOf<Application.Abstractions.IProductReader>();
        services.RouteQueriesOf<Application.Abstractions.ICategoryReader>();
        // A tag's version must come from the host that serves the rows it tags.
        services.RouteQueriesOf<Application.Abstractions.ICatalogVersions>();
        services.RouteQueriesOf<Application.Abstractions.IProductExportReader>();
        return services;
    }
}
