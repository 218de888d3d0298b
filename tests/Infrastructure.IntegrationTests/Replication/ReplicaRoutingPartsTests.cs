using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.Infrastructure.Persistence.Replication;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.IntegrationTests.Replication;

public sealed class ReplicaRoutingPartsTests
{
    [Theory]
    [InlineData("db1", "db1:5432")]
    [InlineData("db1:6000, db2", "db1:6000,db2:5432")]
    [InlineData("[::1]:6000,[::1],::1", "[::1]:6000,[::1]:5432,[::1]:5432")]
    public void Each_host_gets_the_strings_port_unless_it_names_its_own(string hosts, string expected) =>
        Assert.Equal(expected, string.Join(',', ReplicaHosts.Split(hosts, 5432, "CatalogReplicas")));

    [Fact]
    public void A_standbys_query_pool_opens_on_the_standby_then_the_primary_and_its_monitor_on_the_standby_alone()
    {
        var standbys = ReplicaHosts.Parse(
            "Host=s1,s2:6001;Port=6000;Database=catalog;Username=reader;Target Session Attributes=prefer-standby;Load Balance Hosts=true",
            "Host=p1;Port=5432;Database=catalog;Username=writer", new CatalogDatabaseOptions(), out var primariesServeReads);

        Assert.False(primariesServeReads);
        Assert.Equal(["replica-1", "replica-2"], standbys.Select(standby => standby.Name));
        var reads = new NpgsqlConnectionStringBuilder(standbys[1].Reads.DataSource.ConnectionString);
        Assert.Equal("s2:6001,p1:5432", reads.Host);
        Assert.Equal("any", reads.TargetSessionAttributes);
        Assert.False(reads.LoadBalanceHosts);
        Assert.Equal("reader", reads.Username);
        Assert.Equal(CatalogDataSources.QueriesApplicationName, reads.ApplicationName);
        Assert.Contains("statement_timeout", reads.Options, StringComparison.Ordinal);
        var monitor = new NpgsqlConnectionStringBuilder(standbys[0].Monitor.ConnectionString);
        Assert.Equal(("s1", 6000), (monitor.Host, monitor.Port));
        Assert.Null(monitor.TargetSessionAttributes);
    }

    [Theory]
    [InlineData("primary")]
    [InlineData("read-write")]
    public void Replicas_that_ask_for_the_primary_are_refused_at_start(string attributes) =>
        Assert.Throws<InvalidOperationException>(() => ReplicaHosts.Parse(
            $"Host=s1,s2;Database=catalog;Target Session Attributes={attributes}", "Host=p1", new CatalogDatabaseOptions(), out _));

    [Fact]
    public void A_read_presents_the_newest_of_its_tokens_and_a_garbled_one_sends_it_to_the_primary()
    {
        Assert.True(ConsistencyTokens.TryRead(["0/16B3748, 1/0", "0/FF"], out var newest));
        Assert.Equal(NpgsqlLogSequenceNumber.Parse("1/0"), newest);
        Assert.False(ConsistencyTokens.TryRead(["0/16B3748,latest"], out _));
    }

    [Fact]
    public void A_standbys_lag_is_the_age_of_the_oldest_primary_position_it_has_not_replayed()
    {
        var positions = new PrimaryPositions(TimeSpan.FromSeconds(10));
        var start = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        positions.Record(NpgsqlLogSequenceNumber.Parse("0/100"), start);
        positions.Record(NpgsqlLogSequenceNumber.Parse("0/200"), start + second);
        positions.Record(NpgsqlLogSequenceNumber.Parse("0/200"), start + (2 * second));

        var now = start + (3 * second);
        Assert.Equal(TimeSpan.Zero, positions.LagOf(NpgsqlLogSequenceNumber.Parse("0/200"), now));
        Assert.Equal(TimeSpan.FromSeconds(2), positions.LagOf(NpgsqlLogSequenceNumber.Parse("0/150"), now));
        Assert.Equal(TimeSpan.FromSeconds(3), positions.LagOf(NpgsqlLogSequenceNumber.Parse("0/50"), now));
    }

    [Fact]
    public async Task A_multi_host_pool_whose_hosts_all_failed_is_an_outage_that_a_read_may_retry()
    {
        var builder = new NpgsqlConnectionStringBuilder($"Host=127.0.0.1:{ClosedPort()},127.0.0.1:{ClosedPort()};Username=postgres;Timeout=2")
        {
            TargetSessionAttributes = "any",
        };
        await using var dataSource = NpgsqlDataSource.Create(builder);

        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());
        // Now Npgsql has marked both hosts offline and does not even try them.
        var noHost = await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());

        Assert.Null(noHost.InnerException);
        foreach (var failure in new[] { refused, noHost })
        {
            Assert.Equal(DatabaseFailure.Unavailable, DatabaseFailures.Classify(failure));
            Assert.True(DatabaseFailures.MayRetryRead(failure), failure.Message);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
