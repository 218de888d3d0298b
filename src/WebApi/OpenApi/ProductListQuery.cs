using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>The query of <c>GET /api/v1/products</c>, one line per parameter.</summary>
internal static class ProductListQuery
{
    private static readonly string PriceRange = $"A decimal number from 0 to {Product.MaxPrice}.";

    /// <summary>A cursor of the default order, after a product named "Phone X" with id 10.</summary>
    public static readonly string ExampleCursor = new ProductCursor(ProductSort.Name, 10, 0) { Name = "Phone X" }.Encode();

    public static readonly QueryParameters Parameters = new(
    [
        new("category", JsonSchemaType.String, new("A category slug: the products of that category and of all its subcategories. An unknown slug gives an empty page, not an error.")
        { Example = "smartphones" }),
        new("q", JsonSchemaType.String, new(
            "A search: every word must occur in the name or the description, in any order, ignoring case and accents, as the same word "
            + "or a Russian or English form of it, as a prefix (the last word), or within one typo (words of five or more letters); "
            + "a substring of three or more characters of the name also matches. `%`, `_` and `\\` are plain characters.")
        { Example = "phone", MinLength = 1, MaxLength = 200 }),
        new("minPrice", JsonSchemaType.Number, new($"The lowest price to include. {PriceRange}")
        { Example = 100, Minimum = 0, Maximum = Product.MaxPrice }) { Format = "decimal" },
        new("maxPrice", JsonSchemaType.Number, new($"The highest price to include, not below `minPrice`. {PriceRange}")
        { Example = 1500.50m, Minimum = 0, Maximum = Product.MaxPrice }) { Format = "decimal" },
        new("inStock", JsonSchemaType.Boolean, new("`true`: only products in stock; `false`: only products out of stock. Absent: both.")
        { Example = true }),
        new("sort", JsonSchemaType.String, new(
            "The order: `name`, `price` or `rating` ascending, the same with a leading `-` for descending, `newest` first, or "
            + "`relevance` (best matches first, ties by id; only with `q`). Absent: `relevance` with `q`, `name` without.")
        { Example = "-price" }) { Values = ["name", "-name", "price", "-price", "rating", "-rating", "newest", "relevance"] },
        new("page", JsonSchemaType.Integer, new(
            $"The page to return, from 1, as long as its first product is among the first {PagedList<ProductDto>.TotalCap:N0}; "
            + "read further with `after`. Not with `after`.")
        { Example = 1, Minimum = 1 }) { Format = "int32", Default = 1 },
        new("after", JsonSchemaType.String, new(
            "Continues after the last product of a page: the cursor in the `next` link of that page, passed unchanged with the same "
            + "`sort` and `q`. It stays valid while products are added and removed. Not with `page`.")
        { Example = ExampleCursor, MaxLength = ProductCursor.MaxLength }),
        new("pageSize", JsonSchemaType.Integer, new("How many products a page holds, 1 to 100.")
        { Example = 20, Minimum = 1, Maximum = 100 }) { Format = "int32", Default = 20 },
    ]);
}
