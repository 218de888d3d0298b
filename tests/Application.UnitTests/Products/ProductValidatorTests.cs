using Ecommerce.Application.Products;

namespace Ecommerce.Application.UnitTests.Products;

public sealed class ProductValidatorTests
{
    private static readonly CreateProductValidator Create = new();
    private static readonly ListProductsValidator List = new();

    private static string[] Fields(FluentValidation.Results.ValidationResult result) =>
        [.. result.Errors.Select(error => error.PropertyName).Distinct().Order()];

    [Fact]
    public void A_complete_body_is_valid() =>
        Assert.True(Create.Validate(new CreateProductCommand("Phone", "phone", "Nice", 1.5m, "https://x.example/p.png", 0, 1)).IsValid);

    [Fact]
    public void Missing_required_fields_are_each_reported() =>
        Assert.Equal(["CategoryId", "Name", "Price", "Stock"], Fields(Create.Validate(new CreateProductCommand(null, null, null, null, null, null, null))));

    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0, true)]
    [InlineData(1.005, false)]
    [InlineData(99999999.99, true)]
    [InlineData(100000000, false)]
    public void Prices_follow_the_contract(double price, bool valid) =>
        Assert.Equal(valid, Create.Validate(new CreateProductCommand("P", null, null, (decimal)price, null, 1, 1)).IsValid);

    [Theory]
    [InlineData("?", "Q")]
    [InlineData("x", "MinPrice")]
    [InlineData("x", "MaxPrice")]
    [InlineData("yes", "InStock")]
    [InlineData("up", "Sort")]
    [InlineData("0", "Page")]
    [InlineData("101", "PageSize")]
    public void Each_bad_list_value_is_reported_under_its_own_name(string value, string field)
    {
        var query = field switch
        {
            "Q" => new ListProductsQuery(Q: new string('q', 201)),
            "MinPrice" => new ListProductsQuery(MinPrice: value),
            "MaxPrice" => new ListProductsQuery(MaxPrice: value),
            "InStock" => new ListProductsQuery(InStock: value),
            "Sort" => new ListProductsQuery(Sort: value),
            "Page" => new ListProductsQuery(Page: value),
            _ => new ListProductsQuery(PageSize: value),
        };

        Assert.Equal([field], Fields(List.Validate(query)));
    }

    [Fact]
    public void All_list_values_may_be_absent() => Assert.True(List.Validate(new ListProductsQuery()).IsValid);

    [Fact]
    public void A_price_range_must_not_be_inverted()
    {
        Assert.Equal(["MaxPrice"], Fields(List.Validate(new ListProductsQuery(MinPrice: "10", MaxPrice: "5"))));
        Assert.True(List.Validate(new ListProductsQuery(MinPrice: "5", MaxPrice: "5")).IsValid);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-0")]
    [InlineData("-1")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData(" 5")]
    [InlineData("")]
    [InlineData("100000000")]
    [InlineData("99999999999999999999999999999")]
    [InlineData("999999999999999999999999999999999")]
    public void A_price_bound_that_is_not_a_plain_decimal_in_range_is_refused(string value)
    {
        Assert.Equal(["MinPrice"], Fields(List.Validate(new ListProductsQuery(MinPrice: value))));
        Assert.Equal(["MaxPrice"], Fields(List.Validate(new ListProductsQuery(MaxPrice: value))));
    }

    [Theory]
    [InlineData("0", "Page")]
    [InlineData("-1", "Page")]
    [InlineData("+1", "Page")]
    [InlineData("1e2", "Page")]
    [InlineData(" 5", "Page")]
    [InlineData("1,2", "Page")]
    [InlineData("", "Page")]
    [InlineData("2147483648", "Page")]
    [InlineData("99999999999999", "Page")]
    [InlineData("0", "PageSize")]
    [InlineData("-1", "PageSize")]
    [InlineData("1e2", "PageSize")]
    [InlineData(" 5", "PageSize")]
    [InlineData("5 ", "PageSize")]
    [InlineData("", "PageSize")]
    [InlineData("101", "PageSize")]
    public void A_page_value_that_is_not_digits_in_range_is_refused(string value, string field) =>
        Assert.Equal([field], Fields(List.Validate(field == "Page" ? new ListProductsQuery(Page: value) : new ListProductsQuery(PageSize: value))));

    [Fact]
    public void The_largest_page_and_the_bounds_of_a_page_size_are_valid()
    {
        Assert.True(List.Validate(new ListProductsQuery(Page: "2147483647", PageSize: "100")).IsValid);
        Assert.True(List.Validate(new ListProductsQuery(PageSize: "1", MinPrice: "0", MaxPrice: "99999999.99")).IsValid);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("\u007f")]
    public void A_search_with_control_characters_is_refused(string q) =>
        Assert.Equal(["Q"], Fields(List.Validate(new ListProductsQuery(Q: q))));

    [Fact]
    public void A_search_is_at_most_200_characters() =>
        Assert.True(List.Validate(new ListProductsQuery(Q: new string('q', 200))).IsValid);
}
