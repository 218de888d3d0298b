namespace Ecommerce.Application.Products;

/// <summary>The fields a client sends to create or replace a product; null where the client sent nothing.</summary>
public interface IProductBody
{
    string? Name { get; }

    string? Slug { get; }

    string? Description { get; }

    decimal? Price { get; }

    string? ImageUrl { get; }

    int? Stock { get; }

    int? CategoryId { get; }
}
