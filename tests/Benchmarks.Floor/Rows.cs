using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ecommerce.Benchmarks.Floor;

public sealed record ProductRow(
    int Id, string Name, string Slug, string? Description, decimal Price, string? ImageUrl, int Stock,
    int CategoryId, decimal Rating, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt)
{
    [JsonIgnore]
    public uint Version { get; init; }
}

public sealed record CategoryRow(int Id, string Name, string Slug, int? ParentId, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt)
{
    [JsonIgnore]
    public uint Version { get; init; }
}

public sealed record ProductPage(IReadOnlyList<ProductRow> Items, int Page, int PageSize, int TotalCount, int TotalPages);

public sealed record ProductBody(string Name, string? Slug, string? Description, decimal Price, string? ImageUrl, int Stock, int CategoryId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductRow))]
[JsonSerializable(typeof(CategoryRow))]
[JsonSerializable(typeof(ProductPage))]
[JsonSerializable(typeof(ProductBody))]
public sealed partial class FloorJson : JsonSerializerContext;
