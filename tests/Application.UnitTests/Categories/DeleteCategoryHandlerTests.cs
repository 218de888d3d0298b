namespace Ecommerce.Application.UnitTests.Categories;

public sealed class DeleteCategoryHandlerTests
{
    private readonly ICategoryRepository _categories = Substitute.For<ICategoryRepository>();
    private readonly IUnitOfWork _unitOfWork = UnitsOfWork.ThatSaves();
    private readonly DeleteCategoryHandler _handler;
    private readonly Domain.Catalog.Category _phones = Entities.Category(5);

    public DeleteCategoryHandlerTests()
    {
        _handler = new DeleteCategoryHandler(_categories, _unitOfWork, TestClock.Fixed());
        _categories.FindAsync(5, Arg.Any<CancellationToken>()).Returns(_phones);
    }

    [Fact]
    public async Task Deactivates_a_category_with_nothing_active_below_it()
    {
        var result = await _handler.Handle(new DeleteCategoryCommand(5, null), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.False(_phones.IsActive);
    }

    [Fact]
    public async Task Active_subcategories_are_a_conflict()
    {
        _categories.HasActiveChildrenAsync(5, Arg.Any<CancellationToken>()).Returns(true);

        var result = await _handler.Handle(new DeleteCategoryCommand(5, null), CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.True(_phones.IsActive);
    }

    [Fact]
    public async Task Active_products_are_a_conflict()
    {
        _categories.HasActiveProductsAsync(5, Arg.Any<CancellationToken>()).Returns(true);

        var result = await _handler.Handle(new DeleteCategoryCommand(5, null), CancellationToken.None);

        Assert.Equal("Category.HasProducts", result.Error?.Code);
        Assert.True(_phones.IsActive);
    }

    [Fact]
    public async Task A_missing_category_is_not_found_and_a_stale_one_fails_the_precondition()
    {
        Assert.Equal(ErrorKind.NotFound, (await _handler.Handle(new DeleteCategoryCommand(99, null), CancellationToken.None)).Error?.Kind);
        Assert.Equal(
            ErrorKind.PreconditionFailed,
            (await _handler.Handle(new DeleteCategoryCommand(5, Application.Common.Concurrency.VersionPrecondition.None), CancellationToken.None)).Error?.Kind);
        Assert.True(_phones.IsActive);
    }
}
