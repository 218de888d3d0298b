using Ecommerce.Application.Common.Mapping;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Common.Rules;
using Ecommerce.Application.Common.Slugs;

namespace Ecommerce.Application.UnitTests.Products;

public sealed class ProductHandlerTests
{
    private readonly IProductRepository _products = Substitute.For<IProductRepository>();
    private readonly IProductWriter _writer = Substitute.For<IProductWriter>();
    private readonly IUnitOfWork _unitOfWork = UnitsOfWork.ThatSaves();
    private readonly TimeProvider _clock = TestClock.Fixed();

    public ProductHandlerTests()
    {
        _writer.InsertAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>()).Returns(Written<ProductKeys>.Saved(new ProductKeys(10, 7)));
    }

    private static CreateProductCommand Create(string name = "Phone X", int categoryId = 1, string? slug = null) =>
        new(new ProductBody(name, slug, "  A phone ", 999.90m, "https://cdn.example.com/x.png", 5, categoryId));

    private CreateProductHandler CreateHandler() => new(_writer, _products, _clock);

    private void InsertRefuses(string slug, SaveOutcome refusal) =>
        _writer.InsertAsync(Arg.Is<Product>(product => product.Slug == slug), Arg.Any<CancellationToken>())
            .Returns(Written<ProductKeys>.Refused(refusal));

    [Fact]
    public async Task Create_writes_the_product_with_a_generated_slug_and_answers_with_its_keys_without_a_lookup()
    {
        var result = await CreateHandler().Handle(Create(), CancellationToken.None);

        await _writer.Received(1).InsertAsync(Arg.Is<Product>(product =>
            product.Slug == "phone-x" && product.Price == 999.90m && product.Description == "A phone" && product.CategoryId == 1
            && product.CreatedAt == TestClock.Now), Arg.Any<CancellationToken>());
        Assert.Equal(("phone-x", 10, 7u, "A phone"), (result.Value.Slug, result.Value.Id, result.Value.Version, result.Value.Description));
        await _products.DidNotReceiveWithAnyArgs().FindSlugsLikeAsync(default!, default);
    }

    [Fact]
    public async Task Create_whose_generated_slug_is_taken_looks_up_the_first_free_suffix_and_writes_again()
    {
        InsertRefuses("phone-x", SaveOutcome.UniqueViolation);
        _products.FindSlugsLikeAsync(Arg.Is<Slug>(slug => slug.Value == "phone-x"), Arg.Any<CancellationToken>())
            .Returns(new HashSet<string> { "phone-x", "phone-x-2" });

        var result = await CreateHandler().Handle(Create(), CancellationToken.None);

        Assert.Equal("phone-x-3", result.Value.Slug);
        await _writer.Received(2).InsertAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_that_loses_the_suffix_it_picked_to_another_request_answers_a_race_the_pipeline_settles()
    {
        InsertRefuses("phone-x", SaveOutcome.UniqueViolation);
        InsertRefuses("phone-x-2", SaveOutcome.UniqueViolation);
        _products.FindSlugsLikeAsync(Arg.Any<Slug>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string> { "phone-x" });

        var result = await CreateHandler().Handle(Create(), CancellationToken.None);

        Assert.True(SlugErrors.IsTaken(result.Error!));
        Assert.Equal("The slug was taken by another request; choose another one.", result.Error?.Description);
    }

    [Fact]
    public async Task Create_with_a_taken_explicit_slug_is_the_conflict_the_lookup_gave_without_a_lookup()
    {
        InsertRefuses("taken", SaveOutcome.UniqueViolation);

        var result = await CreateHandler().Handle(Create(slug: "taken"), CancellationToken.None);

        Assert.Equal(("Product.SlugTaken", "The slug 'taken' is already taken."), (result.Error?.Code, result.Error?.Description));
        await _writer.Received(1).InsertAsync(Arg.Any<Product>(), Arg.Any<CancellationToken>());
        await _products.DidNotReceiveWithAnyArgs().FindSlugsLikeAsync(default!, default);
    }

    [Fact]
    public async Task Create_answers_the_category_rule_the_database_enforced()
    {
        InsertRefuses("phone-x", SaveOutcome.Broke(CatalogRule.ProductCategoryIsActive));

        var result = await CreateHandler().Handle(Create(categoryId: 2), CancellationToken.None);

        Assert.Equal(["categoryId"], result.Error?.Fields?.Keys);
        Assert.Equal(["categoryId must name an active category."], result.Error!.Fields!["categoryId"]);
    }

    private static UpdateProductCommand Update(string? slug = null, VersionPrecondition? precondition = null) =>
        new(3, new ProductBody(" Phone Y ", slug, null, 5m, null, 0, 1), precondition);

    private void UpdateAnswers(Written<ProductDto> written) =>
        _writer.UpdateAsync(3, Arg.Any<ProductRevision>(), Arg.Any<VersionPrecondition?>(), Arg.Any<CancellationToken>()).Returns(written);

    [Fact]
    public async Task Update_writes_the_checked_revision_with_the_precondition_and_answers_the_written_row()
    {
        var row = Entities.Product(3, name: "Phone Y").ToDto();
        UpdateAnswers(Written<ProductDto>.Saved(row));
        var precondition = VersionPrecondition.OneOf([7]);

        var result = await new UpdateProductHandler(_writer, _clock).Handle(Update(precondition: precondition), CancellationToken.None);

        Assert.Same(row, result.Value);
        await _writer.Received(1).UpdateAsync(3, Arg.Is<ProductRevision>(revision =>
            revision.Details.Name == "Phone Y" && revision.Details.Price == 5m && revision.Slug == null && revision.UpdatedAt == TestClock.Now),
            precondition, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Update_answers_what_the_database_refused_as_the_read_check_write_did()
    {
        var handler = new UpdateProductHandler(_writer, _clock);

        UpdateAnswers(Written<ProductDto>.Refused(SaveOutcome.RowMissing));
        var missing = await handler.Handle(Update(), CancellationToken.None);
        UpdateAnswers(Written<ProductDto>.Refused(SaveOutcome.StaleRow));
        var stale = await handler.Handle(Update(precondition: VersionPrecondition.OneOf([6])), CancellationToken.None);
        UpdateAnswers(Written<ProductDto>.Refused(SaveOutcome.Broke(CatalogRule.ProductCategoryIsActive)));
        var badCategory = await handler.Handle(Update(), CancellationToken.None);
        UpdateAnswers(Written<ProductDto>.Refused(SaveOutcome.UniqueViolation));
        var takenSlug = await handler.Handle(Update(slug: "taken"), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(["categoryId"], badCategory.Error?.Fields?.Keys);
        Assert.Equal(("Product.SlugTaken", "The slug 'taken' is already taken."), (takenSlug.Error?.Code, takenSlug.Error?.Description));
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
