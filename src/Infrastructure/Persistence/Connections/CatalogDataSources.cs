using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>
/// The catalog's connection pools, built here and nowhere else: <see cref="Primary"/> for
/// commands and the readiness check, <see cref="Reads"/> for queries. Both reach
/// <c>ConnectionStrings:Catalog</c>; read sessions also carry a server-side
/// <c>statement_timeout</c>, so an expensive query ends on the server, not only in the client.
/// Queries served by standbys have pools of their own (<see cref="Replication.ReadRouting"/>).
/// </summary>
public sealed class CatalogDataSources : IAsyncDisposable
{
    /// <summary>
    /// Npgsql's own default is 15 s, for connecting and for waiting on a full pool alike: far
    /// longer than a client should wait to learn that the database is out of reach.
    /// </summary>
    public const int DefaultTimeoutSeconds = 3;

    /// <summary>What each pool calls itself in <c>pg_stat_activity</c>, unless the connection string names the service.</summary>
    public const string CommandsApplicationName = "catalog-commands";

    public const string QueriesApplicationName = "catalog-queries";

    private const string TimeoutKeyword = "Timeout";
    private const string NoResetOnCloseKeyword = "No Reset On Close";
    private const string ApplicationNameKeyword = "Application Name";

    private CatalogDataSources(NpgsqlDataSource primary, NpgsqlDataSource reads)
    {
        Primary = primary;
        Reads = reads;
    }

    public NpgsqlDataSource Primary { get; }

    public NpgsqlDataSource Reads { get; }

    public static CatalogDataSources Create(string connectionString, CatalogDatabaseOptions options) =>
        new(NpgsqlDataSource.Create(WithDefaults(connectionString, CommandsApplicationName)), NpgsqlDataSource.Create(ForQueries(connectionString, options)));

    public async ValueTask DisposeAsync()
    {
        await Primary.DisposeAsync();
        await Reads.DisposeAsync();
    }

    /// <summary>The connection string with this service's defaults for what it leaves unset.</summary>
    internal static NpgsqlConnectionStringBuilder WithDefaults(string connectionString, string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!IsSet(builder, TimeoutKeyword))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        if (applicationName is not null && !IsSet(builder, ApplicationNameKeyword))
        {
            builder.ApplicationName = applicationName;
        }

        return builder;
    }

    /// <summary>A connection string for queries: the service's defaults and the read sessions' own settings.</summary>
    internal static NpgsqlConnectionStringBuilder ForQueries(string connectionString, CatalogDatabaseOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReadStatementTimeoutSeconds);
        var reads = WithDefaults(connectionString, QueriesApplicationName);
        // Queries leave no session state behind, so a returned connection needs no reset. Without one,
        // a cancelled query is cancelled at once: Npgsql ignores a cancellation while it reads the
        // answer to a reset, which on a connection gone silent never comes.
        if (!IsSet(reads, NoResetOnCloseKeyword))
        {
            reads.NoResetOnClose = true;
        }

        if (options.ReadStatementTimeoutSeconds > 0)
        {
            // Last, so that it wins over a statement_timeout the connection string gives every session.
            var timeout = string.Create(CultureInfo.InvariantCulture, $"-c statement_timeout={options.ReadStatementTimeoutSeconds * 1000}");
            reads.Options = string.IsNullOrWhiteSpace(reads.Options) ? timeout : reads.Options + " " + timeout;
        }

        return reads;
    }

    /// <summary>Npgsql's builder reports every keyword it knows as present; a plain one sees only what was written.</summary>
    internal static bool IsSet(NpgsqlConnectionStringBuilder builder, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey(keyword);
}
