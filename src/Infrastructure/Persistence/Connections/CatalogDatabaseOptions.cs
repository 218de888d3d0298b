using Microsoft.Extensions.Configuration;

namespace Ecommerce.Infrastructure.Persistence.Connections;

/// <summary>The <c>Catalog:Database</c> configuration section: how the service bounds its database work.</summary>
public sealed class CatalogDatabaseOptions
{
    public const string Section = "Catalog:Database";

    /// <summary>
    /// The server-side <c>statement_timeout</c> of read sessions: PostgreSQL cancels a query that
    /// runs (or waits for a lock) longer, and its connection goes back to the pool. 0 turns it off.
    /// </summary>
    public int ReadStatementTimeoutSeconds { get; init; } = 5;

    public static CatalogDatabaseOptions From(IConfiguration configuration) => new()
    {
        ReadStatementTimeoutSeconds = WholeNumberSetting.Read(
            configuration, $"{Section}:{nameof(ReadStatementTimeoutSeconds)}", new CatalogDatabaseOptions().ReadStatementTimeoutSeconds,
            minimum: 0, "a whole number of seconds, 0 (off) or more"),
    };
}
