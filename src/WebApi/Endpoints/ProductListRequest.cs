using System.Globalization;
using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Endpoints;

/// <summary>
/// The list query as the client spelled it. Each value is bound as a string and parsed here, so
/// that one that does not parse is reported under its own parameter name rather than failing the
/// binding; the ranges are the query validator's to check.
/// </summary>
public sealed record ProductListRequest(
    string? Category,
    string? Q,
    string? MinPrice,
    string? MaxPrice,
    string? InStock,
    string? Sort,
    string? Page,
    string? PageSize,
    string? After = null)
{
    public static readonly IReadOnlyDictionary<string, ProductSort> Sorts = new Dictionary<string, ProductSort>(StringComparer.Ordinal)
    {
        ["name"] = ProductSort.Name,
        ["-name"] = ProductSort.NameDescending,
        ["price"] = ProductSort.Price,
        ["-price"] = ProductSort.PriceDescending,
        ["rating"] = ProductSort.Rating,
        ["-rating"] = ProductSort.RatingDescending,
        ["newest"] = ProductSort.Newest,
        ["relevance"] = ProductSort.Relevance,
    };

    /// <returns>The query, or null with <paramref name="errors"/> naming each value that does not parse.</returns>
    public ListProductsQuery? ToQuery(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var minPrice = Parse<decimal>(MinPrice, "minPrice", ListProductsQuery.PriceMessage("minPrice"), errors, TryParsePrice);
        var maxPrice = Parse<decimal>(MaxPrice, "maxPrice", ListProductsQuery.PriceMessage("maxPrice"), errors, TryParsePrice);
        var inStock = Parse<bool>(InStock, "inStock", "inStock must be true or false.", errors, TryParseBool);
        var sort = Parse<ProductSort>(Sort, "sort", $"sort must be one of {string.Join(", ", Sorts.Keys)}.", errors, Sorts.TryGetValue);
        var page = Parse<int>(Page, "page", ListProductsQuery.PageMessage, errors, TryParseDigits);
        var pageSize = Parse<int>(PageSize, "pageSize", ListProductsQuery.PageSizeMessage, errors, TryParseDigits);
        var after = After is null ? null : ProductCursor.Decode(After);
        if (After is not null && after is null)
        {
            errors["after"] = [ListProductsQuery.CursorMessage];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ListProductsQuery(
            new ProductFilter(Category, Q, minPrice, maxPrice, inStock),
            sort ?? (string.IsNullOrWhiteSpace(Q) ? ProductSort.Name : ProductSort.Relevance),
            page ?? (after is null ? 1 : null),
            pageSize ?? ListProductsQuery.DefaultPageSize,
            after);
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static T? Parse<T>(string? text, string parameter, string message, Dictionary<string, string[]> errors, TryParser<T> parse)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        errors[parameter] = [message];
        return null;
    }

    private static bool TryParsePrice(string text, out decimal price) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price);

    private static bool TryParseDigits(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool TryParseBool(string text, out bool flag)
    {
        flag = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return flag || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
