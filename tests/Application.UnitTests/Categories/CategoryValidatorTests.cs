namespace Ecommerce.Application.UnitTests.Categories;

public sealed class CategoryValidatorTests
{
    private static readonly CategoryBodyValidator Body = new();

    private static string[] Fields(CategoryBody body) =>
        [.. Body.Validate(body).Errors.Select(error => error.PropertyName).Distinct().Order()];

    [Theory]
    [InlineData("Phones", null, null, "")]
    [InlineData("Phones", "phones-2", 3, "")]
    [InlineData(null, null, null, "Name")]
    [InlineData("  ", null, null, "Name")]
    [InlineData("Phones", "Phones", null, "Slug")]
    [InlineData("Phones", "-phones", null, "Slug")]
    [InlineData("Phones", "phones\n", null, "Slug")]
    [InlineData("Phones", null, 0, "ParentId")]
    [InlineData("Phones", null, -3, "ParentId")]
    public void A_body_is_refused_exactly_on_the_field_that_breaks_the_contract(string? name, string? slug, int? parentId, string field) =>
        Assert.Equal(field.Length == 0 ? [] : [field], Fields(new CategoryBody(name, slug, parentId)));

    [Fact]
    public void Names_are_at_most_100_characters_after_trimming()
    {
        Assert.Empty(Fields(new CategoryBody(" " + new string('n', 100) + " ", null, null)));
        Assert.Equal(["Name"], Fields(new CategoryBody(new string('n', 101), null, null)));
    }

    [Fact]
    public void A_refused_slug_is_explained_with_the_contract_pattern()
    {
        var result = Body.Validate(new CategoryBody("Phones", "phones\n", null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Slug", error.PropertyName);
        Assert.Contains("^[a-z0-9]+(-[a-z0-9]+)*$", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_commands_validate_their_body()
    {
        var invalid = new CategoryBody(null, "Bad Slug", 0);

        Assert.Equal(3, new CreateCategoryValidator(Body).Validate(new CreateCategoryCommand(invalid)).Errors.Count);
        Assert.Equal(3, new UpdateCategoryValidator(Body).Validate(new UpdateCategoryCommand(1, invalid, null)).Errors.Count);
    }
}
