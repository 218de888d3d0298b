namespace Ecommerce.Application.UnitTests.Categories;

public sealed class CategoryQueryHandlerTests
{
    private static readonly DateTime When = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly ICategoryReader _reader = Substitute.For<ICategoryReader>();

    private static CategoryDto Dto(int id, string name, int? parentId = null) =>
        new(id, name, name.ToLowerInvariant(), parentId, true, When, When);

    [Fact]
    public async Task A_category_the_reader_does_not_find_is_a_category_not_found()
    {
        var result = await new GetCategoryHandler(_reader).Handle(new GetCategoryQuery(2), CancellationToken.None);

        Assert.Equal("Category.NotFound", result.Error?.Code);
        await _reader.Received(1).FindActiveAsync(2, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Get_by_slug_does_not_query_for_a_string_that_is_no_slug()
    {
        var handler = new GetCategoryBySlugHandler(_reader);

        var result = await handler.Handle(new GetCategoryBySlugQuery("Not A Slug"), CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        await _reader.DidNotReceive().FindActiveBySlugAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_tree_nests_children_under_parents_and_keeps_orphans_as_roots()
    {
        _reader.ListActiveAsync(Arg.Any<CancellationToken>()).Returns(
        [
            Dto(3, "Android", 2), Dto(4, "Books"), Dto(1, "Electronics"), Dto(5, "Orphan", 99), Dto(2, "Phones", 1),
        ]);
        var handler = new GetCategoryTreeHandler(_reader);

        var tree = (await handler.Handle(new GetCategoryTreeQuery(), CancellationToken.None)).Value;

        Assert.Equal(["Books", "Electronics", "Orphan"], tree.Select(node => node.Name));
        var phones = Assert.Single(tree[1].Children);
        Assert.Equal("Phones", phones.Name);
        Assert.Equal("Android", Assert.Single(phones.Children).Name);
        Assert.Empty(tree[0].Children);
    }
}
