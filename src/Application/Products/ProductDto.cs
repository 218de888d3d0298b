using System.Text.Json.Serialization;

namespace Ecommerce.Application.Products;

public sealed record ProductDto(
    int Id,
    string Name,
    string Slug,
    string? Description,
    decimal Price,
    string? ImageUrl,
    int Stock,
    int CategoryId,
    decimal Rating,
    bool IsActive,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The row version, sent to clients as the <c>ETag</c> header rather than in the body.</summary>
    [JsonIgnore]
    public uint Version { get; init; }
}
