namespace Ecommerce.TestSupport;

/// <summary>
/// The PostgreSQL server of a test run: the one named by <c>CATALOG_TEST_POSTGRES</c>, or a
/// throwaway <see cref="PostgresCluster"/>, started once per test process and removed when the
/// process exits. Tests that stop their server (outages) start a cluster of their own instead.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "CATALOG_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A connection to the <c>postgres</c> database as a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    private static PostgresServer Start()
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresServer(existing);
        }

        var cluster = PostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return new PostgresServer(cluster.AdminConnectionString);
    }
}
