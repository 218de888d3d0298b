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
}
