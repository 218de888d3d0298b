using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Ecommerce.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a loopback port, which a test can stop and
/// start again (to cause an outage) and must dispose. As root, the server runs as the
/// <c>postgres</c> OS user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>The temp folders of throwaway clusters start with this, so CI can stop leftovers.</summary>
    public const string FolderPrefix = "ecommerce-pg-";

    public const int PortAttempts = 5;

    // Durability is not what tests are about: without it a cluster starts and writes faster.
    private const string ThrowawaySettings =
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    private readonly bool _asPostgresUser;
    private readonly string _extraSettings;
    private bool _disposed;

    private PostgresCluster(string folder, int port, bool asPostgresUser, string extraSettings)
    {
        Folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
        _extraSettings = extraSettings;
    }

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    public int Port { get; }

    /// <summary>Where the server writes its log (<c>pg_ctl -l</c>).</summary>
    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>A connection to the <c>postgres</c> database as the superuser, without pooling.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Pooling=false";

    public bool IsRunning => File.Exists(Path.Combine(DataFolder, "postmaster.pid"));

    /// <summary>Creates and starts a cluster. <paramref name="extraSettings"/> are more <c>-c name=value</c> server options.</summary>
    public static PostgresCluster Start(string extraSettings = "") => Start(extraSettings, FreeLoopbackPorts());

    /// <summary>
    /// Creates a cluster and starts it on the first of <paramref name="candidatePorts"/> it can bind, trying
    /// at most <see cref="PortAttempts"/> of them: a port found free can be taken by another process (another
    /// test run starting at the same moment) before the server binds it.
    /// </summary>
    public static PostgresCluster Start(string extraSettings, IEnumerable<int> candidatePorts)
    {
        RemoveStaleClusters();
        var asPostgresUser = Environment.UserName == "root";
        var folder = CreateFolder(asPostgresUser);
        ProcessRunner.Run(asPostgresUser, PostgresBinaries.Find("initdb"),
            "-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth-local=trust", "--auth-host=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        return StartOnFirstFreePort(folder, asPostgresUser, extraSettings, candidatePorts);
    }

    /// <summary>
    /// Creates a streaming standby of <paramref name="primary"/> with <c>pg_basebackup -R</c>, through a new
    /// replication slot <paramref name="slotName"/> that keeps the WAL it has not received, and starts it.
    /// The primary must allow replication connections from loopback, as clusters made by <see cref="Start(string)"/> do.
    /// A standby needs the primary's <c>max_connections</c> or more: give both the same <paramref name="extraSettings"/>.
    /// </summary>
    public static PostgresCluster StartStandby(PostgresCluster primary, string slotName, string extraSettings = "")
    {
        var folder = CreateFolder(primary._asPostgresUser);
        ProcessRunner.Run(primary._asPostgresUser, PostgresBinaries.Find("pg_basebackup"),
            "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-D", Path.Combine(folder, "data"), "-R", "-X", "stream", "-C", "-S", slotName, "--checkpoint=fast", "--no-sync");
        return StartOnFirstFreePort(folder, primary._asPostgresUser, extraSettings, FreeLoopbackPorts());
    }

    /// <summary>Starts the server again after <see cref="Stop"/>, on the same port.</summary>
    public void StartServer() =>
        ProcessRunner.Run(_asPostgresUser, PostgresBinaries.Find("pg_ctl"),
            "-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {Folder} {ThrowawaySettings} {_extraSettings}".TrimEnd());

    /// <summary>Stops the server: <c>fast</c> ends sessions cleanly, <c>immediate</c> is a crash.</summary>
    public void Stop(PostgresStopMode mode = PostgresStopMode.Fast) =>
        ProcessRunner.Run(_asPostgresUser, PostgresBinaries.Find("pg_ctl"),
            "-D", DataFolder, "-m", mode == PostgresStopMode.Fast ? "fast" : "immediate", "-w", "-t", "60", "stop");

    /// <summary>Runs a PostgreSQL program (pg_basebackup, psql, ...) as the user that owns the cluster.</summary>
    public void RunProgram(string program, params string[] arguments) =>
        ProcessRunner.Run(_asPostgresUser, PostgresBinaries.Find(program), arguments);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            NpgsqlConnection.ClearAllPools();
            if (IsRunning)
            {
                Stop(PostgresStopMode.Immediate);
            }

            Directory.Delete(Folder, recursive: true);
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
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
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

    private static string CreateFolder(bool asPostgresUser)
    {
        var folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        if (asPostgresUser)
        {
            ProcessRunner.Run(false, "chown", "postgres:", folder);
        }

        return folder;
    }

    private static PostgresCluster StartOnFirstFreePort(
        string folder, bool asPostgresUser, string extraSettings, IEnumerable<int> candidatePorts)
    {
        var failures = new List<string>();
        foreach (var port in candidatePorts.Take(PortAttempts))
        {
            var cluster = new PostgresCluster(folder, port, asPostgresUser, extraSettings);
            try
            {
                cluster.StartServer();
                return cluster;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException && !cluster.IsRunning)
            {
                // pg_ctl gave up before the server came up; the log says why, most likely "Address already in use".
                failures.Add($"port {port}: {exception.Message}");
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL did not start on any of {failures.Count} ports:\n{string.Join("\n", failures)}\n{LogTail(folder)}");
    }

    private static string LogTail(string folder)
    {
        var log = Path.Combine(folder, "server.log");
        return File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(20)) : "(no server log)";
    }

    private static IEnumerable<int> FreeLoopbackPorts()
    {
        while (true)
        {
            yield return FreeLoopbackPort();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public enum PostgresStopMode
{
    Fast,
    Immediate,
}
