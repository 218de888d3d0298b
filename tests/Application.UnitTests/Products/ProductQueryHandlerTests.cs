using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Products;
using NSubstitute;

namespace Ecommerce.Application.UnitTests.Products;

public sealed class ProductQueryHandlerTests
{
    private static readonly DateTime When = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ProductDto Phone = new(7, "Phone X", "phone-x", null, 999.90m, null, 5, 1, 0m, true, When, When) { Version = 11 };
    private readonly IProductReader _reader = Substitute.For<IProductReader>();

    [Fact]
    public async Task Get_by_id_returns_the_product_with_its_version_or_not_found()
    {
        _reader.FindActiveAsync(7, Arg.Any<CancellationToken>()).Returns(Phone);
        var handler = new GetProductHandler(_reader);

        var found = await handler.Handle(new GetProductQuery(7), CancellationToken.None);
        var missing = await handler.Handle(new GetProductQuery(8), CancellationToken.None);

        Assert.Equal(11u, found.Value.Version);
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
    }

    [Fact]
    public async Task Get_by_slug_finds_valid_slugs_and_never_queries_invalid_ones()
    {
        _reader.FindActiveBySlugAsync("phone-x", Arg.Any<CancellationToken>()).Returns(Phone);
        var handler = new GetProductBySlugHandler(_reader);

        var found = await handler.Handle(new GetProductBySlugQuery("phone-x"), CancellationToken.None);
        var invalid = await handler.Handle(new GetProductBySlugQuery("Phone X"), CancellationToken.None);

        Assert.Equal(7, found.Value.Id);
        Assert.Equal(ErrorKind.NotFound, invalid.Error?.Kind);
        await _reader.DidNotReceive().FindActiveBySlugAsync("Phone X", Arg.Any<CancellationToken>());
    }
}
