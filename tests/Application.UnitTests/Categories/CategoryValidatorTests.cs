using Ecommerce.Application.Categories;

namespace Ecommerce.Application.UnitTests.Categories;

public sealed class CategoryValidatorTests
{
    private static readonly CreateCategoryValidator Create = new();
    private static readonly UpdateCategoryValidator Update = new();

    [Theory]
    [InlineData("Phones", null, null, true)]
    [InlineData("Phones", "phones-2", 3, true)]
    [InlineData(null, null, null, false)]
    [InlineData("  ", null, null, false)]
    [InlineData("Phones", "Phones", null, false)]
    [InlineData("Phones", "-phones", null, false)]
    [InlineData("Phones", "phones\n", null, false)]
    [InlineData("Phones", null, 0, false)]
    [InlineData("Phones", null, -3, false)]
    public void Create_follows_the_contract(string? name, string? slug, int? parentId, bool valid) =>
        Assert.Equal(valid, Create.Validate(new CreateCategoryCommand(name, slug, parentId)).IsValid);

    [Fact]
    public void Names_are_at_most_100_characters_after_trimming()
    {
        Assert.True(Update.Validate(new UpdateCategoryCommand(1, " " + new string('n', 100) + " ", null, null, null)).IsValid);
        Assert.False(Update.Validate(new UpdateCategoryCommand(1, new string('n', 101), null, null, null)).IsValid);
    }

    [Fact]
    public void A_refused_slug_is_explained_with_the_contract_pattern()
    {
        var result = Create.Validate(new CreateCategoryCommand("Phones", "phones\n", null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Slug", error.PropertyName);
        Assert.Contains("^[a-z0-9]+(-[a-z0-9]+)*$", error.ErrorMessage, StringComparison.Ordinal);
    }
}
