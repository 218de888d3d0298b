namespace Ecommerce.Domain.UnitTests.Catalog;

public sealed class CategoryTests
{
    private static readonly DateTime Created = new(2026, 11, 23, 20, 36, 12, DateTimeKind.Utc);
    private static readonly DateTime Later = Created.AddHours(1);

    [Fact]
    public void Create_trims_the_name_and_starts_active()
    {
        var category = Category.Create("  Phones ", Slug.From("phones"), parentId: 3, Created);

        Assert.Equal("Phones", category.Name);
        Assert.Equal("phones", category.Slug);
        Assert.Equal(3, category.ParentId);
        Assert.True(category.IsActive);
        Assert.Equal(Created, category.CreatedAt);
        Assert.Equal(Created, category.UpdatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        Assert.Throws<DomainRuleException>(() => Category.Create(name, Slug.From("x"), null, Created));

    [Fact]
    public void A_name_is_at_most_100_characters()
    {
        Assert.Equal(100, Category.Create(new string('n', 100), Slug.From("x"), null, Created).Name.Length);
        Assert.Throws<DomainRuleException>(() => Category.Create(new string('n', 101), Slug.From("x"), null, Created));
    }

    [Fact]
    public void Times_must_be_utc() =>
        Assert.Throws<DomainRuleException>(() => Category.Create("Phones", Slug.From("phones"), null, DateTime.Now));

    [Fact]
    public void Update_changes_the_fields_and_the_update_time_only()
    {
        var category = Category.Create("Phones", Slug.From("phones"), null, Created).WithId(5);

        category.Update("Smartphones", Slug.From("smartphones"), 2, [2, 1], Later);

        Assert.Equal("Smartphones", category.Name);
        Assert.Equal("smartphones", category.Slug);
        Assert.Equal(2, category.ParentId);
        Assert.Equal(Created, category.CreatedAt);
        Assert.Equal(Later, category.UpdatedAt);
    }

    [Fact]
    public void A_category_cannot_be_its_own_parent()
    {
        var category = Category.Create("Phones", Slug.From("phones"), null, Created).WithId(5);

        Assert.Throws<DomainRuleException>(() => category.Update("Phones", Slug.From("phones"), 5, [5], Later));
        Assert.Null(category.ParentId);
    }

    [Fact]
    public void A_category_cannot_move_under_one_of_its_descendants()
    {
        var category = Category.Create("Phones", Slug.From("phones"), null, Created).WithId(5);

        // 9 is a grandchild of 5: its lineage is 9 -> 7 -> 5.
        Assert.Throws<DomainRuleException>(() => category.Update("Phones", Slug.From("phones"), 9, [9, 7, 5], Later));
        Assert.Equal(Created, category.UpdatedAt);
    }

    [Theory]
    [InlineData(null, new int[0], false)]
    [InlineData(5, new[] { 5 }, true)]
    [InlineData(9, new[] { 9, 7, 5 }, true)]
    [InlineData(9, new[] { 9, 7, 1 }, false)]
    [InlineData(2, new[] { 2 }, false)]
    public void WouldBecomeItsOwnAncestor_looks_at_the_whole_lineage(int? parentId, int[] lineage, bool expected)
    {
        var category = Category.Create("Phones", Slug.From("phones"), null, Created).WithId(5);

        Assert.Equal(expected, category.WouldBecomeItsOwnAncestor(parentId, lineage));
    }

    [Fact]
    public void Deactivate_keeps_the_row_and_marks_it_inactive()
    {
        var category = Category.Create("Phones", Slug.From("phones"), null, Created);

        category.Deactivate(Later);

        Assert.False(category.IsActive);
        Assert.Equal("Phones", category.Name);
        Assert.Equal(Later, category.UpdatedAt);
    }
}
