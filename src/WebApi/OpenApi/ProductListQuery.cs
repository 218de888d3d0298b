using Ecommerce.Domain.Catalog;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>The query of <c>GET /api/v1/products</c>, one line per parameter.</summary>
internal static class ProductListQuery
{
    private static readonly string PriceRange = $"A decimal number from 0 to {Product.MaxPrice}.";

    public static readonly QueryParameters Parameters = new(
    [
        new("category", JsonSchemaType.String, new("A category slug: the products of that category and of all its subcategories. An unknown slug gives an empty page, not an error.")
        { Example = "smartphones" }),
        new("q", JsonSchemaType.String, new("Text to find in product names, ignoring case; `%` and `_` are plain characters.")
        { Example = "phone", MaxLength = 200 }),
        new("minPrice", JsonSchemaType.Number, new($"The lowest price to include. {PriceRange}")
        { Example = 100, Minimum = 0, Maximum = Product.MaxPrice }) { Format = "decimal" },
        new("maxPrice", JsonSchemaType.Number, new($"The highest price to include, not below `minPrice`. {PriceRange}")
        { Example = 1500.50m, Minimum = 0, Maximum = Product.MaxPrice }) { Format = "decimal" },
        new("inStock", JsonSchemaType.Boolean, new("`true`: only products in stock; `false`: only products out of stock. Absent: both.")
        { Example = true }),
        new("sort", JsonSchemaType.String, new("The order: `name`, `price` or `rating` ascending, the same with a leading `-` for descending, or `newest` first.")
        { Example = "-price" }) { Values = ["name", "-name", "price", "-price", "rating", "-rating", "newest"], Default = "name" },
        new("page", JsonSchemaType.Integer, new("The page to return, from 1.")
        { Example = 1, Minimum = 1 }) { Format = "int32", Default = 1 },
        new("pageSize", JsonSchemaType.Integer, new("How many products a page holds, 1 to 100.")
        { Example = 20, Minimum = 1, Maximum = 100 }) { Format = "int32", Default = 20 },
    ]);
}
