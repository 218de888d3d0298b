using System.Globalization;
using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Replication;

/// <summary>
/// Reads <c>ConnectionStrings:CatalogReplicas</c>, a multi-host Npgsql connection string, into one
/// entry per host with the pools the service needs for it.
/// </summary>
internal static class ReplicaHosts
{
    public const string ConnectionStringName = "CatalogReplicas";

    public const string MonitorApplicationName = "catalog-replica-monitor";

    /// <summary>
    /// One <see cref="StandbyHost"/> per host of <paramref name="replicasConnectionString"/>, in order.
    /// Each one's queries open on that host while it accepts connections and otherwise on the primary's
    /// hosts (Npgsql's multi-host failover with <c>Target Session Attributes=any</c>, hosts in order), so a
    /// read under way when its standby stops is retried on the primary rather than failed.
    /// </summary>
    public static IReadOnlyList<StandbyHost> Parse(
        string replicasConnectionString, string primaryConnectionString, CatalogDatabaseOptions options, out bool primariesServeReads)
    {
        var replicas = new NpgsqlConnectionStringBuilder(replicasConnectionString);
        primariesServeReads = ServesReadsOnPrimaries(replicas.TargetSessionAttributes);
        var hosts = Split(replicas.Host, replicas.Port, ConnectionStringName);
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        var primaryHosts = string.Join(',', Split(primary.Host, primary.Port, CatalogDatabase.ConnectionStringName));

        var standbys = new List<StandbyHost>(hosts.Count);
        for (var index = 0; index < hosts.Count; index++)
        {
            var reads = CatalogDataSources.ForQueries(replicasConnectionString, options);
            reads.Host = hosts[index] + "," + primaryHosts;
            reads.TargetSessionAttributes = "any";
            reads.LoadBalanceHosts = false;

            var monitor = CatalogDataSources.WithDefaults(replicasConnectionString, MonitorApplicationName);
            monitor.Host = hosts[index];
            monitor.TargetSessionAttributes = null;
            monitor.LoadBalanceHosts = false;
            monitor.MinPoolSize = 0;
            monitor.MaxPoolSize = 2;
            monitor.NoResetOnClose = true;

            var name = string.Create(CultureInfo.InvariantCulture, $"replica-{index + 1}");
            standbys.Add(new StandbyHost(name, hosts[index], NpgsqlDataSource.Create(monitor), CatalogReads.Over(NpgsqlDataSource.Create(reads))));
        }

        return standbys;
    }

    /// <summary>The primary's own pool for sampling its WAL position, apart from the commands' pool it must not wait for.</summary>
    public static NpgsqlDataSource PrimaryMonitor(string primaryConnectionString)
    {
        var monitor = CatalogDataSources.WithDefaults(primaryConnectionString, MonitorApplicationName);
        monitor.MinPoolSize = 0;
        monitor.MaxPoolSize = 1;
        monitor.NoResetOnClose = true;
        return NpgsqlDataSource.Create(monitor);
    }

    /// <summary>
    /// <c>prefer-standby</c>, <c>standby</c> and <c>read-only</c> (and none) read from standbys only;
    /// <c>any</c> lets primaries listed among the replicas take reads too. The others ask for the primary,
    /// which is what leaving <c>CatalogReplicas</c> out already does.
    /// </summary>
    private static bool ServesReadsOnPrimaries(string? targetSessionAttributes) => targetSessionAttributes switch
    {
        null or "prefer-standby" or "standby" or "read-only" => false,
        "any" => true,
        _ => throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} lists the hosts that serve queries: its Target Session Attributes must be " +
            $"prefer-standby, standby, read-only or any, not {targetSessionAttributes}. To read from the primary only, leave it out."),
    };

    /// <summary>The hosts of a connection string, each as <c>host:port</c>, the port given or the string's own.</summary>
    internal static IReadOnlyList<string> Split(string? hosts, int defaultPort, string connectionStringName)
    {
        if (string.IsNullOrWhiteSpace(hosts))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionStringName} names no host.");
        }

        var port = defaultPort.ToString(CultureInfo.InvariantCulture);
        return hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(host => HasPort(host) ? host : host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}")
            .ToList();
    }

    /// <summary><c>name:5432</c> and <c>[::1]:5432</c> have a port; <c>name</c>, <c>[::1]</c> and a bare <c>::1</c> do not.</summary>
    private static bool HasPort(string host) => host.StartsWith('[')
        ? host.Contains("]:", StringComparison.Ordinal)
        : host.Count(character => character == ':') == 1;
}

/// <summary>One host of <c>CatalogReplicas</c>: its name in reports, its address, the monitor's pool and the queries' pools.</summary>
internal sealed record StandbyHost(string Name, string Address, NpgsqlDataSource Monitor, CatalogReads Reads);
