using Ecommerce.Application.Caching;
using Ecommerce.Infrastructure.Persistence.Products;
using NSubstitute;

namespace Ecommerce.Infrastructure.IntegrationTests.Products;

internal static class TestReaders
{
    /// <summary>A memory of broad filters without a change feed: every total is counted.</summary>
    public static BroadFilters NoBroadFilters() => new(Substitute.For<ICatalogChangeFeed>());
}
