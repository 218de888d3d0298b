namespace Ecommerce.Application.Products;

public enum ProductSort
{
    Name,
    NameDescending,
    Price,
    PriceDescending,
    Rating,
    RatingDescending,
    Newest,

    /// <summary>Best matches of the search first (only with a search); ties by id.</summary>
    Relevance,
}
