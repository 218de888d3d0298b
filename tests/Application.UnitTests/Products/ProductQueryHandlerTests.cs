namespace Ecommerce.Application.UnitTests.Products;

/// <summary>What the read handlers add to their port: the not-found answer, and no query for a string that is no slug.</summary>
public sealed class ProductQueryHandlerTests
{
    private readonly IProductReader _reader = Substitute.For<IProductReader>();

    [Fact]
    public async Task A_product_the_reader_does_not_find_is_a_product_not_found()
    {
        var result = await new GetProductHandler(_reader).Handle(new GetProductQuery(8), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("Product.NotFound", result.Error?.Code);
        await _reader.Received(1).FindActiveAsync(8, Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("Phone X")]
    [InlineData("phone_x")]
    [InlineData("-phone")]
    [InlineData("")]
    public async Task A_string_that_is_no_slug_is_not_found_without_a_query(string slug)
    {
        var result = await new GetProductBySlugHandler(_reader).Handle(new GetProductBySlugQuery(slug), CancellationToken.None);

        Assert.Equal("Product.NotFound", result.Error?.Code);
        await _reader.DidNotReceiveWithAnyArgs().FindActiveBySlugAsync(default!, default);
    }

    [Fact]
    public async Task A_valid_slug_is_looked_up_as_it_was_given()
    {
        var result = await new GetProductBySlugHandler(_reader).Handle(new GetProductBySlugQuery("phone-x-2"), CancellationToken.None);

        Assert.Equal("Product.NotFound", result.Error?.Code);
        await _reader.Received(1).FindActiveBySlugAsync("phone-x-2", Arg.Any<CancellationToken>());
    }
}
