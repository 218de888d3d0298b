namespace Ecommerce.Application.UnitTests.Categories;

public sealed class UpdateCategoryHandlerTests
{
    private readonly ICategoryRepository _categories = Substitute.For<ICategoryRepository>();
    private readonly IUnitOfWork _unitOfWork = UnitsOfWork.ThatSaves();
    private readonly UpdateCategoryHandler _handler;
    private readonly Category _phones = Entities.Category(5, "Phones", version: 42);

    public UpdateCategoryHandlerTests()
    {
        _handler = new UpdateCategoryHandler(_categories, _unitOfWork, TestClock.Fixed());
        _categories.FindAsync(5, Arg.Any<CancellationToken>()).Returns(_phones);
        _categories.FindSlugsLikeAsync(Arg.Any<Slug>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string>());
        _categories.IsActiveAsync(Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task Renames_and_keeps_the_slug_when_none_is_given()
    {
        var result = await _handler.Handle(new UpdateCategoryCommand(5, new CategoryBody("Smartphones", null, null), null), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("Smartphones", _phones.Name);
        Assert.Equal("phones", _phones.Slug);
        Assert.Equal(TestClock.Now, _phones.UpdatedAt);
    }

    [Fact]
    public async Task A_missing_or_inactive_category_is_not_found()
    {
        var inactive = Entities.Category(6, "Old");
        inactive.Deactivate(TestClock.Now);
        _categories.FindAsync(6, Arg.Any<CancellationToken>()).Returns(inactive);

        Assert.Equal(ErrorKind.NotFound, (await _handler.Handle(new UpdateCategoryCommand(99, new CategoryBody("X", null, null), null), CancellationToken.None)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await _handler.Handle(new UpdateCategoryCommand(6, new CategoryBody("X", null, null), null), CancellationToken.None)).Error?.Kind);
    }

    [Fact]
    public async Task A_stale_version_fails_the_precondition_and_changes_nothing()
    {
        var result = await _handler.Handle(
            new UpdateCategoryCommand(5, new CategoryBody("Changed", null, null), VersionPrecondition.OneOf([41])), CancellationToken.None);

        Assert.Equal(ErrorKind.PreconditionFailed, result.Error?.Kind);
        Assert.Equal("Phones", _phones.Name);
    }

    [Fact]
    public async Task The_current_version_satisfies_the_precondition()
    {
        var result = await _handler.Handle(
            new UpdateCategoryCommand(5, new CategoryBody("Changed", null, null), VersionPrecondition.OneOf([42])), CancellationToken.None);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Moving_under_a_descendant_is_a_validation_error_on_parentId()
    {
        _categories.GetLineageAsync(9, Arg.Any<CancellationToken>()).Returns([9, 7, 5]);

        var result = await _handler.Handle(new UpdateCategoryCommand(5, new CategoryBody("Phones", null, 9), null), CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["parentId"], result.Error!.Fields!.Keys);
        Assert.Null(_phones.ParentId);
    }

    [Fact]
    public async Task Its_own_slug_given_back_explicitly_is_not_a_conflict()
    {
        _categories.FindSlugsLikeAsync(Arg.Any<Slug>(), Arg.Any<CancellationToken>()).Returns(new HashSet<string> { "phones" });

        var result = await _handler.Handle(new UpdateCategoryCommand(5, new CategoryBody("Phones", "phones", null), null), CancellationToken.None);

        Assert.True(result.IsSuccess);
    }
}
