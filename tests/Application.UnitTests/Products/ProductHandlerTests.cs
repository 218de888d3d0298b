using Ecommerce.Application.Common.Paging;

namespace Ecommerce.Application.UnitTests.Products;

public sealed class ProductHandlerTests
{
    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly ICategoryRepository _categories = Substitute.For<ICategoryRepository>();
    private readonly IUnitOfWork _unitOfWork = UnitsOfWork.ThatSaves();
    private readonly TimeProvider _clock = TestClock.Fixed();

    public ProductHandlerTests()
    {
        _products.FindSlugsLikeAsync(Arg.Any<Slug>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string>());
        _categories.IsActiveAsync(1, Arg.Any<CancellationToken>()).Returns(true);
    }

    private static CreateProductCommand Create(string name = "Phone X", int categoryId = 1, string? slug = null) =>
        new(new ProductBody(name, slug, "  A phone ", 999.90m, "https://cdn.example.com/x.png", 5, categoryId));

    [Fact]
    public async Task Create_adds_the_product_with_a_generated_slug()
    {
        var result = await new CreateProductHandler(_products, _categories, _unitOfWork, _clock).Handle(Create(), CancellationToken.None);

        Assert.True(result.IsSuccess);
        _products.Received(1).Add(Arg.Is<Product>(product =>
            product.Slug == "phone-x" && product.Price == 999.90m && product.Description == "A phone" && product.CategoryId == 1));
        Assert.Equal("phone-x", result.Value.Slug);
    }

    [Fact]
    public async Task Create_refuses_a_category_that_is_not_active()
    {
        var result = await new CreateProductHandler(_products, _categories, _unitOfWork, _clock).Handle(Create(categoryId: 2), CancellationToken.None);

        Assert.Equal(["categoryId"], result.Error?.Fields?.Keys);
        _products.DidNotReceive().Add(Arg.Any<Product>());
    }

    [Fact]
    public async Task Create_with_a_taken_explicit_slug_is_a_conflict()
    {
        _products.FindSlugsLikeAsync(Arg.Is<Slug>(slug => slug.Value == "taken"), Arg.Any<CancellationToken>())
            .Returns(new HashSet<string> { "taken" });

        var result = await new CreateProductHandler(_products, _categories, _unitOfWork, _clock).Handle(Create(slug: "taken"), CancellationToken.None);

        Assert.Equal("Product.SlugTaken", result.Error?.Code);
    }

    [Fact]
    public async Task Update_replaces_the_details_and_keeps_the_slug()
    {
        var product = Entities.Product(3);
        _products.FindAsync(3, Arg.Any<CancellationToken>()).Returns(product);
        var handler = new UpdateProductHandler(_products, _categories, _unitOfWork, _clock);

        var result = await handler.Handle(
            new UpdateProductCommand(3, new ProductBody("Phone Y", null, null, 5m, null, 0, 1), VersionPrecondition.OneOf([7])), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("Phone Y", product.Name);
        Assert.Equal("phone-x", product.Slug);
        Assert.Equal(5m, product.Price);
        Assert.Equal(TestClock.Now, product.UpdatedAt);
    }

    [Fact]
    public async Task Update_checks_existence_then_precondition_then_category()
    {
        var product = Entities.Product(3);
        _products.FindAsync(3, Arg.Any<CancellationToken>()).Returns(product);
        var handler = new UpdateProductHandler(_products, _categories, _unitOfWork, _clock);

        var missing = await handler.Handle(new UpdateProductCommand(4, new ProductBody("X", null, null, 1m, null, 1, 1), null), CancellationToken.None);
        var stale = await handler.Handle(new UpdateProductCommand(3, new ProductBody("X", null, null, 1m, null, 1, 2), VersionPrecondition.OneOf([6])), CancellationToken.None);
        var badCategory = await handler.Handle(new UpdateProductCommand(3, new ProductBody("X", null, null, 1m, null, 1, 2), null), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(ErrorKind.Validation, badCategory.Error?.Kind);
        Assert.Equal("Phone X", product.Name);
    }

    [Fact]
    public async Task Delete_deactivates_an_active_product_only()
    {
        var product = Entities.Product(3);
        _products.FindAsync(3, Arg.Any<CancellationToken>()).Returns(product);
        var handler = new DeleteProductHandler(_products, _unitOfWork, _clock);

        Assert.True((await handler.Handle(new DeleteProductCommand(3, VersionPrecondition.Any), CancellationToken.None)).IsSuccess);
        Assert.False(product.IsActive);
        Assert.Equal(ErrorKind.NotFound, (await handler.Handle(new DeleteProductCommand(3, null), CancellationToken.None)).Error?.Kind);
    }

    [Fact]
    public async Task List_trims_the_text_filters_and_drops_blank_ones_before_the_reader_sees_them()
    {
        var reader = Substitute.For<IProductReader>();
        reader.ListAsync(Arg.Any<ListProductsQuery>(), Arg.Any<CancellationToken>()).Returns(new PagedList<ProductDto>([], 2, 10, 0));

        await new ListProductsHandler(reader).Handle(
            new ListProductsQuery(new ProductFilter(" phones ", " pixel ", 1.50m, 20m, true), ProductSort.PriceDescending, 2, 10),
            CancellationToken.None);
        await new ListProductsHandler(reader).Handle(new ListProductsQuery(new ProductFilter("  ", "\t")), CancellationToken.None);

        await reader.Received(1).ListAsync(
            new ListProductsQuery(new ProductFilter("phones", "pixel", 1.50m, 20m, true), ProductSort.PriceDescending, 2, 10),
            Arg.Any<CancellationToken>());
        await reader.Received(1).ListAsync(new ListProductsQuery(ProductFilter.None), Arg.Any<CancellationToken>());
    }
}
