namespace Ecommerce.Application.UnitTests.Products;

public sealed class ProductValidatorTests
{
    private static readonly ProductBodyValidator Body = new();
    private static readonly ListProductsValidator List = new();

    private static string[] Fields(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(error => error.PropertyName).Distinct().Order()];

    private static ProductBody Valid(decimal price = 1.5m) => new("Phone", "phone", "Nice", price, "https://x.example/p.png", 0, 1);

    [Fact]
    public void A_complete_body_is_valid() => Assert.Empty(Fields(Body.Validate(Valid())));

    [Fact]
    public void Missing_required_fields_are_each_reported() =>
        Assert.Equal(["CategoryId", "Name", "Price", "Stock"], Fields(Body.Validate(new ProductBody(null, null, null, null, null, null, null))));

    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0, true)]
    [InlineData(1.005, false)]
    [InlineData(99999999.99, true)]
    [InlineData(100000000, false)]
    public void Prices_follow_the_contract(double price, bool valid) =>
        Assert.Equal(valid ? [] : ["Price"], Fields(Body.Validate(Valid((decimal)price))));

    [Theory]
    [InlineData(-1, "Stock")]
    [InlineData(0, "")]
    public void Stock_cannot_be_negative(int stock, string field) =>
        Assert.Equal(field.Length == 0 ? [] : [field], Fields(Body.Validate(Valid() with { Stock = stock })));

    [Theory]
    [InlineData("ftp://x.example/p.png")]
    [InlineData("/relative.png")]
    public void An_image_url_must_be_absolute_http(string url) =>
        Assert.Equal(["ImageUrl"], Fields(Body.Validate(Valid() with { ImageUrl = url })));

    [Fact]
    public void Both_commands_validate_their_body()
    {
        var invalid = new ProductBody(null, null, null, null, null, null, null);

        Assert.Equal(4, Fields(new CreateProductValidator(Body).Validate(new CreateProductCommand(invalid))).Length);
        Assert.Equal(4, Fields(new UpdateProductValidator(Body).Validate(new UpdateProductCommand(1, invalid, null))).Length);
    }

    [Theory]
    [InlineData(-0.01, null, "minPrice")]
    [InlineData(100000000.0, null, "minPrice")]
    [InlineData(null, -1.0, "maxPrice")]
    [InlineData(null, 100000000.0, "maxPrice")]
    [InlineData(10.0, 5.0, "maxPrice")]
    [InlineData(5.0, 5.0, "")]
    [InlineData(0.0, 99999999.99, "")]
    public void Price_bounds_are_in_range_and_not_inverted(double? min, double? max, string field) =>
        Assert.Equal(
            field.Length == 0 ? [] : [field],
            Fields(new ProductFilterValidator().Validate(new ProductFilter(MinPrice: (decimal?)min, MaxPrice: (decimal?)max))));

    [Theory]
    [InlineData(0, 20, "Page")]
    [InlineData(-1, 20, "Page")]
    [InlineData(1, 0, "PageSize")]
    [InlineData(1, 101, "PageSize")]
    [InlineData(int.MaxValue, 100, "")]
    [InlineData(1, 1, "")]
    public void Pages_and_page_sizes_are_in_range(int page, int pageSize, string field) =>
        Assert.Equal(field.Length == 0 ? [] : [field], Fields(List.Validate(new ListProductsQuery(ProductFilter.None, Page: page, PageSize: pageSize))));

    [Fact]
    public void A_sort_outside_the_enumeration_is_refused() =>
        Assert.Equal(["Sort"], Fields(List.Validate(new ListProductsQuery(ProductFilter.None, (ProductSort)99))));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("\u007f")]
    public void A_search_with_control_characters_is_refused(string q) =>
        Assert.Equal(["q"], Fields(new ProductFilterValidator().Validate(new ProductFilter(Search: q))));

    [Fact]
    public void A_search_is_at_most_200_characters()
    {
        Assert.Empty(Fields(new ProductFilterValidator().Validate(new ProductFilter(Search: new string('q', 200)))));
        Assert.Equal(["q"], Fields(new ProductFilterValidator().Validate(new ProductFilter(Search: new string('q', 201)))));
    }

    [Fact]
    public void Only_a_category_leaves_the_filter_countable_from_the_category_counters()
    {
        Assert.True(ProductFilter.None.IsCategoryOnly);
        Assert.True(new ProductFilter(CategorySlug: "phones").IsCategoryOnly);
        Assert.False(new ProductFilter(Search: "x").IsCategoryOnly);
        Assert.False(new ProductFilter(CategorySlug: "phones", InStock: false).IsCategoryOnly);
        Assert.False(new ProductFilter(MinPrice: 0).IsCategoryOnly);
    }
}
