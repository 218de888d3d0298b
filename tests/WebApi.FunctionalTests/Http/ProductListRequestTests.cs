using Ecommerce.WebApi.Endpoints;

namespace Ecommerce.WebApi.FunctionalTests.Http;

/// <summary>The HTTP spellings of the list query: what parses, and which parameter a value that does not is reported under.</summary>
public sealed class ProductListRequestTests
{
    private static ProductListRequest Request(
        string? minPrice = null, string? maxPrice = null, string? inStock = null, string? sort = null, string? page = null, string? pageSize = null) =>
        new(null, null, minPrice, maxPrice, inStock, sort, page, pageSize);

    private static string[] Refused(ProductListRequest request)
    {
        Assert.Null(request.ToQuery(out var errors));
        return [.. errors.Keys.Order()];
    }

    [Fact]
    public void Every_value_absent_is_the_first_page_of_twenty_by_name() =>
        Assert.Equal(new ListProductsQuery(ProductFilter.None), Request().ToQuery(out _));

    [Fact]
    public void Every_value_present_is_parsed_into_the_typed_query() =>
        Assert.Equal(
            new ListProductsQuery(new ProductFilter("phones", " pixel ", 1.50m, 20m, true), ProductSort.PriceDescending, 2, 10),
            new ProductListRequest("phones", " pixel ", "1.50", "20", "TRUE", "-price", "2", "10").ToQuery(out _));

    [Theory]
    [InlineData("name", ProductSort.Name)]
    [InlineData("-name", ProductSort.NameDescending)]
    [InlineData("price", ProductSort.Price)]
    [InlineData("-price", ProductSort.PriceDescending)]
    [InlineData("rating", ProductSort.Rating)]
    [InlineData("-rating", ProductSort.RatingDescending)]
    [InlineData("newest", ProductSort.Newest)]
    public void Each_sort_spelling_names_its_order(string spelling, ProductSort sort) =>
        Assert.Equal(sort, Request(sort: spelling).ToQuery(out _)!.Sort);

    [Theory]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData(" 5")]
    [InlineData("")]
    [InlineData("999999999999999999999999999999999")]
    public void A_price_bound_that_is_not_a_plain_decimal_is_refused_under_its_name(string value)
    {
        Assert.Equal(["minPrice"], Refused(Request(minPrice: value)));
        Assert.Equal(["maxPrice"], Refused(Request(maxPrice: value)));
    }

    [Theory]
    [InlineData("yes", "inStock")]
    [InlineData("1", "inStock")]
    [InlineData("up", "sort")]
    [InlineData("Name", "sort")]
    [InlineData("-1", "page")]
    [InlineData("+1", "page")]
    [InlineData("1e2", "page")]
    [InlineData(" 5", "page")]
    [InlineData("", "page")]
    [InlineData("2147483648", "page")]
    [InlineData("5 ", "pageSize")]
    [InlineData("1,2", "pageSize")]
    public void A_value_that_does_not_parse_is_refused_under_its_own_name(string value, string parameter)
    {
        var request = parameter switch
        {
            "inStock" => Request(inStock: value),
            "sort" => Request(sort: value),
            "page" => Request(page: value),
            _ => Request(pageSize: value),
        };

        Assert.Equal([parameter], Refused(request));
    }

    [Fact]
    public void Several_values_that_do_not_parse_are_all_reported() =>
        Assert.Equal(["inStock", "minPrice", "page"], Refused(Request(minPrice: "x", inStock: "maybe", page: "one")));
}
