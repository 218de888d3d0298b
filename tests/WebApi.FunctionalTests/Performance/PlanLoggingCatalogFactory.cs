using Ecommerce.Infrastructure.Persistence;

namespace Ecommerce.WebApi.FunctionalTests.Performance;

/// <summary>
/// The service over a database on a cluster of its own, where every session the service opens has
/// PostgreSQL's <c>auto_explain</c> log the plan of each statement it runs, with the values the
/// service bound, and the rows each step really read: whichever client code sent the statement (EF Core
/// or plain Npgsql), at the catalog's size.
/// </summary>
public sealed class PlanLoggingCatalogFactory : CatalogApiFactory
{
    private const string AutoExplain =
        "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_format=json "
        + "-c auto_explain.log_analyze=on -c auto_explain.log_timing=off";

    public PlanLoggingCatalogFactory()
        : base(PostgresDatabase.OnOwnCluster())
    {
    }

    public string ServerLog => Database.OwnCluster!.LogFile;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [$"ConnectionStrings:{CatalogDatabase.ConnectionStringName}"] =
            new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = AutoExplain }.ConnectionString,
    };
}
