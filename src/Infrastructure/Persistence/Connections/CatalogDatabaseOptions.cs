using System.Globalization;
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

    public static CatalogDatabaseOptions From(IConfiguration configuration)
    {
        var key = $"{Section}:{nameof(ReadStatementTimeoutSeconds)}";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new CatalogDatabaseOptions();
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new CatalogDatabaseOptions { ReadStatementTimeoutSeconds = seconds }
            : throw new InvalidOperationException($"{key} must be a whole number of seconds, 0 (off) or more.");
    }
}
