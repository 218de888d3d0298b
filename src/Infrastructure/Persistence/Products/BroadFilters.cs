using Ecommerce.Application.Caching;
using Ecommerce.Application.Products;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// The filters this instance has counted past the cap, each with the change-feed position it was
/// counted at. The capped count is the one part of a list that grows with the catalog: it reads up to
/// the cap and one more index entries. Until a product or category changes, a filter counted past the
/// cap still matches more than the cap, so it is not counted again. A total under the cap is always
/// counted, and without a position (no change feed, reads from standbys) every total is. Past its
/// capacity it starts over.
/// </summary>
internal sealed class BroadFilters(ICatalogChangeFeed changes, int capacity = BroadFilters.DefaultCapacity)
{
    /// <summary>A few hundred kilobytes at most; price ranges are the client's to choose.</summary>
    public const int DefaultCapacity = 10_000;

    private const CatalogTables Shown = CatalogTables.Products | CatalogTables.Categories;

    private readonly ChangeFeedMemory<ProductFilter, bool> _countedPastCap = new(capacity);

    /// <summary>The feed's position before a count, the one to <see cref="Remember"/> it at.</summary>
    public long? Position() => changes.Position(Shown);

    public bool IsPastCap(ProductFilter filter, long? position) =>
        position is { } now && _countedPastCap.TryGet(filter, now, out _);

    public void Remember(ProductFilter filter, long? position)
    {
        if (position is { } countedAt)
        {
            _countedPastCap.Remember(filter, true, countedAt);
        }
    }
}
