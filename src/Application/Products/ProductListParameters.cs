using System.Globalization;

namespace Ecommerce.Application.Products;

/// <summary>
/// Parses the list query's raw values. The validator and the handler both use it, so what the
/// validator accepts is exactly what the handler reads.
/// </summary>
internal static class ProductListParameters
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 200;

    public static readonly IReadOnlyDictionary<string, ProductSort> Sorts = new Dictionary<string, ProductSort>(StringComparer.Ordinal)
    {
        ["name"] = ProductSort.Name,
        ["-name"] = ProductSort.NameDescending,
        ["price"] = ProductSort.Price,
        ["-price"] = ProductSort.PriceDescending,
        ["rating"] = ProductSort.Rating,
        ["-rating"] = ProductSort.RatingDescending,
        ["newest"] = ProductSort.Newest,
    };

    public static bool TryParsePrice(string? value, out decimal? price)
    {
        price = null;
        if (value is null)
        {
            return true;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        price = parsed;
        return true;
    }

    public static bool TryParseInt(string? value, int fallback, out int number)
    {
        number = fallback;
        return value is null || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryParseBool(string? value, out bool? flag)
    {
        flag = value switch
        {
            null => null,
            _ when value.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            _ when value.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => null,
        };
        return value is null || flag is not null;
    }

    public static bool TryParseSort(string? value, out ProductSort sort)
    {
        sort = ProductSort.Name;
        return value is null || Sorts.TryGetValue(value, out sort);
    }

    public static ProductListCriteria ToCriteria(ListProductsQuery query)
    {
        TryParsePrice(query.MinPrice, out var minPrice);
        TryParsePrice(query.MaxPrice, out var maxPrice);
        TryParseBool(query.InStock, out var inStock);
        TryParseSort(query.Sort, out var sort);
        TryParseInt(query.Page, 1, out var page);
        TryParseInt(query.PageSize, DefaultPageSize, out var pageSize);
        return new ProductListCriteria(
            string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(),
            string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(),
            minPrice, maxPrice, inStock, sort, page, pageSize);
    }
}
