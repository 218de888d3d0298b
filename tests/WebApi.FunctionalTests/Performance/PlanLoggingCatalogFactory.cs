using Ecommerce.Infrastructure.Persistence;
using Ecommerce.TestSupport;
using Ecommerce.WebApi.FunctionalTests.Infrastructure;
using Npgsql;

namespace Ecommerce.WebApi.FunctionalTests.Performance;

/// <summary>
/// The service over a database on a cluster of its own, where every session the service opens has
/// PostgreSQL's <c>auto_explain</c> log the plan of each statement it runs, with the values the
/// service bound: whichever client code sent it (EF Core or plain Npgsql), and at the catalog's size.
/// </summary>
public sealed class PlanLoggingCatalogFactory : CatalogApiFactory
{
    private const string AutoExplain =
        "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_format=json";

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
