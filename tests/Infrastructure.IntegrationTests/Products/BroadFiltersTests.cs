using Ecommerce.Application.Caching;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.Persistence.Products;
using NSubstitute;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

public sealed class BroadFiltersTests
{
    private static readonly ProductFilter Cheap = new(MinPrice: 1, MaxPrice: 10);

    private readonly ICatalogChangeFeed _changes = Substitute.For<ICatalogChangeFeed>();

    [Fact]
    public void A_filter_counted_past_the_cap_is_known_until_the_products_or_categories_change()
    {
        _changes.Position(CatalogTables.Products | CatalogTables.Categories).Returns(7L);
        var filters = new BroadFilters(_changes);

        filters.Remember(Cheap, filters.Position());

        Assert.True(filters.IsPastCap(Cheap, filters.Position()));
        Assert.True(filters.IsPastCap(new ProductFilter(MinPrice: 1.00m, MaxPrice: 10), filters.Position()));
        Assert.False(filters.IsPastCap(Cheap with { InStock = true }, filters.Position()));

        _changes.Position(CatalogTables.Products | CatalogTables.Categories).Returns(8L);
        Assert.False(filters.IsPastCap(Cheap, filters.Position()));
    }

    [Fact]
    public void Without_a_position_nothing_is_remembered_and_everything_is_counted()
    {
        _changes.Position(Arg.Any<CatalogTables>()).Returns((long?)null);
        var filters = new BroadFilters(_changes);

        filters.Remember(Cheap, filters.Position());

        Assert.False(filters.IsPastCap(Cheap, filters.Position()));
        Assert.False(filters.IsPastCap(Cheap, 0));
    }

    [Fact]
    public void Past_its_capacity_it_starts_again_rather_than_grow()
    {
        var filters = new BroadFilters(_changes, capacity: 2);

        filters.Remember(Cheap, 1);
        filters.Remember(Cheap with { MaxPrice = 20 }, 1);
        filters.Remember(Cheap with { MaxPrice = 30 }, 1);

        Assert.False(filters.IsPastCap(Cheap, 1));
        Assert.True(filters.IsPastCap(Cheap with { MaxPrice = 30 }, 1));
    }
}
