namespace Ecommerce.Application.Caching;

/// <summary>
/// What this instance knows of the catalog's changes without asking the database on each request: a
/// position that moves on with every committed change to a table, soon after the commit. A tag read
/// at a position is still current while the position has not moved.
/// </summary>
public interface ICatalogChangeFeed
{
    /// <summary>
    /// The position of these tables now, or null when this instance cannot vouch that it would
    /// notice their next change (the database out of reach, reads served by standbys).
    /// </summary>
    long? Position(CatalogTables tables);

    /// <summary>This instance has committed a write: every position moves on now, without waiting to see it in the database.</summary>
    void Advance();
}
