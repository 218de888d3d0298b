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

    /// <summary>
    /// Enough for every statement the service sends on its busy paths (reads, list pages per sort
    /// order, the writes' lookups, inserts and updates) to stay prepared on each connection: the
    /// server then parses and plans each of them once per connection instead of once per request.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>A statement is prepared on its second use, so one-off statements (migrations, checks) are not.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    private const string TimeoutKeyword = "Timeout";
    private const string MaxAutoPrepareKeyword = "Max Auto Prepare";
    private const string AutoPrepareMinUsagesKeyword = "Auto Prepare Min Usages";
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
        new(NpgsqlDataSource.Create(ForCommands(connectionString)), NpgsqlDataSource.Create(ForQueries(connectionString, options)));

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

        if (!IsSet(builder, MaxAutoPrepareKeyword))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!IsSet(builder, AutoPrepareMinUsagesKeyword))
        {
            builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        if (applicationName is not null && !IsSet(builder, ApplicationNameKeyword))
        {
            builder.ApplicationName = applicationName;
        }

        return builder;
    }

    /// <summary>
    /// A connection string for commands. The service's commands leave no session state behind either:
    /// their settings are <c>SET LOCAL</c>, their advisory locks transaction-scoped, their temporary
    /// tables <c>ON COMMIT DROP</c>, and Npgsql rolls back a transaction left open whether it resets or
    /// not. The reset (seven statements before the next rental's first command) is skipped; the
    /// migrator, the one user of session state, runs in its own process with its own connections.
    /// </summary>
    internal static NpgsqlConnectionStringBuilder ForCommands(string connectionString)
    {
        var commands = WithDefaults(connectionString, CommandsApplicationName);
        if (!IsSet(commands, NoResetOnCloseKeyword))
        {
            commands.NoResetOnClose = true;
        }

        return commands;
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
