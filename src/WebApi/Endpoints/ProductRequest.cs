namespace Ecommerce.WebApi.Endpoints;

/// <summary>The body of a product create or update. Every field is optional here so that the validator names what is missing.</summary>
public sealed record ProductRequest(
    string? Name,
    string? Slug,
    string? Description,
    decimal? Price,
    string? ImageUrl,
    int? Stock,
    int? CategoryId);
