using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ecommerce.TestSupport;

/// <summary>
/// The PostgreSQL server of a test run: the one named by <c>CATALOG_TEST_POSTGRES</c>, or a
/// throwaway cluster in a temp folder on a free loopback port, started once per test process and
/// removed when the process exits.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "CATALOG_TEST_POSTGRES";

    /// <summary>The temp folders of throwaway clusters start with this, so CI can stop leftovers.</summary>
    public const string ClusterFolderPrefix = "ecommerce-pg-";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _clusterFolder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string adminConnectionString, string? clusterFolder, bool asPostgresUser)
    {
        AdminConnectionString = adminConnectionString;
        _clusterFolder = clusterFolder;
        _asPostgresUser = asPostgresUser;
    }

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A connection to the <c>postgres</c> database as a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    private static PostgresServer Start()
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresServer(existing, clusterFolder: null, asPostgresUser: false);
        }

        var asPostgresUser = Environment.UserName == "root";
        RemoveStaleClusters();
        var folder = Directory.CreateTempSubdirectory(ClusterFolderPrefix).FullName;
        if (asPostgresUser)
        {
            ProcessRunner.Run(false, "chown", "postgres:", folder);
        }

        var data = Path.Combine(folder, "data");
        var port = FreeLoopbackPort();
        ProcessRunner.Run(asPostgresUser, PostgresBinaries.Find("initdb"),
            "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        ProcessRunner.Run(asPostgresUser, PostgresBinaries.Find("pg_ctl"),
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30", "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off " +
            "-c full_page_writes=off -c max_connections=300");

        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Pooling=false", folder, asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        if (_clusterFolder is null)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            ProcessRunner.Run(_asPostgresUser, PostgresBinaries.Find("pg_ctl"),
                "-D", Path.Combine(_clusterFolder, "data"), "-m", "immediate", "-w", "stop");
            Directory.Delete(_clusterFolder, recursive: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or TimeoutException)
        {
            // Exiting anyway; CI stops leftover clusters by their folder prefix.
        }
    }

    /// <summary>
    /// Test hosts do not always get to run their exit handlers, so clusters of earlier runs can be
    /// left behind. Folders with no server running in them and older than an hour are removed;
    /// younger ones may belong to a test process that is still starting.
    /// </summary>
    private static void RemoveStaleClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), ClusterFolderPrefix + "*"))
        {
            try
            {
                var running = File.Exists(Path.Combine(folder, "data", "postmaster.pid"));
                if (!running && Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being removed right now: not ours to clean.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
