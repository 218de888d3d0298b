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
}
