using System.Net.Sockets;

namespace Ecommerce.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Two test runs starting at once can both be told a port is free: the one whose server binds second
/// must try another port rather than fail the whole run.
/// </summary>
public sealed class PostgresClusterStartTests
{
    [Fact]
    public void A_cluster_whose_port_is_taken_before_it_binds_starts_on_another_port()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;

        using var cluster = PostgresCluster.Start(string.Empty, [taken, .. FreePorts(PostgresCluster.PortAttempts - 1)]);

        Assert.True(cluster.IsRunning);
        Assert.NotEqual(taken, cluster.Port);
        Assert.Contains("Address already in use", File.ReadAllText(cluster.LogFile), StringComparison.Ordinal);
        using var connection = new Npgsql.NpgsqlConnection(cluster.AdminConnectionString);
        connection.Open();
    }

    private static IEnumerable<int> FreePorts(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    });
}
