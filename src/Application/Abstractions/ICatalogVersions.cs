using Ecommerce.Application.Caching;

namespace Ecommerce.Application.Abstractions;

/// <summary>The versions the database keeps of whole tables, for tags of the reads that show many rows.</summary>
public interface ICatalogVersions
{
    /// <summary>
    /// A number that grows with every committed change to these tables. Read it before the rows it
    /// tags: a change committed in between can then only make the tag older than the rows, never newer.
    /// </summary>
    Task<long> CurrentAsync(CatalogTables tables, CancellationToken cancellationToken);
}
