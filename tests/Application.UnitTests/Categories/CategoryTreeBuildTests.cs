namespace Ecommerce.Application.UnitTests.Categories;

public sealed class CategoryTreeBuildTests
{
    private static readonly DateTime When = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CategoryDto Dto(int id, int? parentId = null, string? name = null) =>
        new(id, name ?? $"Category {id}", $"category-{id}", parentId, true, When, When);

    [Fact]
    public void A_chain_of_a_hundred_thousand_categories_is_built_without_recursion()
    {
        const int depth = 100_000;
        var chain = Enumerable.Range(1, depth).Select(id => Dto(id, id == 1 ? null : id - 1)).ToList();

        var tree = CategoryTreeNode.Build(chain);

        var node = Assert.Single(tree);
        for (var id = 1; id < depth; id++)
        {
            Assert.Equal(id, node.Id);
            node = Assert.Single(node.Children);
        }

        Assert.Equal(depth, node.Id);
        Assert.Empty(node.Children);
    }

    [Fact]
    public void Siblings_keep_the_given_order_at_every_level()
    {
        var tree = CategoryTreeNode.Build(
        [
            Dto(5, 1, "A"), Dto(2, null, "B"), Dto(4, 1, "C"), Dto(1, null, "D"), Dto(6, 4, "E"), Dto(3, 4, "F"),
        ]);

        Assert.Equal(["B", "D"], tree.Select(node => node.Name));
        Assert.Equal(["A", "C"], tree[1].Children.Select(node => node.Name));
        Assert.Equal(["E", "F"], tree[1].Children[1].Children.Select(node => node.Name));
        Assert.All([tree[0], tree[1].Children[0], .. tree[1].Children[1].Children], leaf => Assert.Empty(leaf.Children));
    }

    [Fact]
    public void Every_field_of_a_category_is_carried_over()
    {
        var category = new CategoryDto(7, "Phones", "phones", 3, true, When, When.AddDays(1));

        var node = Assert.Single(CategoryTreeNode.Build([category]));

        Assert.Equal(
            (7, "Phones", "phones", (int?)3, true, When, When.AddDays(1)),
            (node.Id, node.Name, node.Slug, node.ParentId, node.IsActive, node.CreatedAt, node.UpdatedAt));
    }

    [Fact]
    public void Categories_caught_in_a_cycle_are_shown_once_rather_than_hidden()
    {
        // Two moves that each passed the ancestor check before the other was saved could leave such a loop.
        var tree = CategoryTreeNode.Build([Dto(1, null, "Root"), Dto(2, 3, "Loop A"), Dto(3, 2, "Loop B")]);

        Assert.Equal(["Root", "Loop A"], tree.Select(node => node.Name));
        var loopB = Assert.Single(tree[1].Children);
        Assert.Equal("Loop B", loopB.Name);
        Assert.Empty(loopB.Children);
    }

    [Fact]
    public void No_categories_make_an_empty_tree() => Assert.Empty(CategoryTreeNode.Build([]));
}
