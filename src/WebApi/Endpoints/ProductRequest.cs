using System.Text.Json.Serialization;
using Ecommerce.WebApi.Http;

namespace Ecommerce.WebApi.Endpoints;

/// <summary>The body of a product create or update. Every field is optional here so that the validator names what is missing.</summary>
public sealed record ProductRequest(
    string? Name,
    string? Slug,
    string? Description,
    [property: JsonConverter(typeof(ExactDecimalConverter))] decimal? Price,
    string? ImageUrl,
    int? Stock,
    int? CategoryId);
