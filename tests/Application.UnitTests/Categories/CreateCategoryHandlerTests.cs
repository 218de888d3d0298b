namespace Ecommerce.Application.UnitTests.Categories;

public sealed class CreateCategoryHandlerTests
{
    private readonly ICategoryRepository _categories = Substitute.For<ICategoryRepository>();
    private readonly IUnitOfWork _unitOfWork = UnitsOfWork.ThatSaves();
    private readonly CreateCategoryHandler _handler;

    public CreateCategoryHandlerTests()
    {
        _handler = new CreateCategoryHandler(_categories, _unitOfWork, TestClock.Fixed());
        _categories.FindSlugsLikeAsync(Arg.Any<Slug>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string>());
    }

    [Fact]
    public async Task Adds_a_category_with_a_slug_made_from_the_name()
    {
        var result = await _handler.Handle(new CreateCategoryCommand(new CategoryBody("  Смартфоны ", null, null)), CancellationToken.None);

        Assert.True(result.IsSuccess);
        _categories.Received(1).Add(Arg.Is<Category>(category =>
            category.Name == "Смартфоны" && category.Slug == "smartfony" && category.CreatedAt == TestClock.Now));
        Assert.Equal("smartfony", result.Value.Slug);
    }

    [Fact]
    public async Task Picks_the_next_free_suffix_when_the_generated_slug_is_taken()
    {
        _categories.FindSlugsLikeAsync(Arg.Is<Slug>(slug => slug.Value == "phones"), Arg.Any<CancellationToken>())
            .Returns(new HashSet<string> { "phones", "phones-2" });

        var result = await _handler.Handle(new CreateCategoryCommand(new CategoryBody("Phones", null, null)), CancellationToken.None);

        Assert.Equal("phones-3", result.Value.Slug);
    }

    [Fact]
    public async Task An_explicit_slug_that_is_taken_is_a_conflict_and_adds_nothing()
    {
        _categories.FindSlugsLikeAsync(Arg.Is<Slug>(slug => slug.Value == "phones"), Arg.Any<CancellationToken>())
            .Returns(new HashSet<string> { "phones" });

        var result = await _handler.Handle(new CreateCategoryCommand(new CategoryBody("Phones", "phones", null)), CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        _categories.DidNotReceive().Add(Arg.Any<Category>());
    }

    [Fact]
    public async Task A_parent_that_is_not_an_active_category_is_a_validation_error_on_parentId()
    {
        _categories.IsActiveAsync(4, Arg.Any<CancellationToken>()).Returns(false);

        var result = await _handler.Handle(new CreateCategoryCommand(new CategoryBody("Phones", null, 4)), CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["parentId"], result.Error!.Fields!.Keys);
        _categories.DidNotReceive().Add(Arg.Any<Category>());
    }

    [Fact]
    public async Task An_active_parent_is_accepted()
    {
        _categories.IsActiveAsync(4, Arg.Any<CancellationToken>()).Returns(true);
        _categories.GetLineageAsync(4, Arg.Any<CancellationToken>()).Returns([4, 1]);

        var result = await _handler.Handle(new CreateCategoryCommand(new CategoryBody("Phones", null, 4)), CancellationToken.None);

        Assert.Equal(4, result.Value.ParentId);
    }
}
