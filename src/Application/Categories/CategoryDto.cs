using System.Text.Json.Serialization;

namespace Ecommerce.Application.Categories;

public sealed record CategoryDto(
    int Id,
    string Name,
    string Slug,
    int? ParentId,
    bool IsActive,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The row version, sent to clients as the <c>ETag</c> header rather than in the body.</summary>
    [JsonIgnore]
    public uint Version { get; init; }
}
