using System.Text.Json.Serialization.Metadata;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Products;
using Microsoft.AspNetCore.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Schema names are part of the contract: generated clients name their classes after them. The
/// request bodies keep the names they were published under when the types behind them were renamed.
/// </summary>
internal static class SchemaNames
{
    public static string? Of(JsonTypeInfo type) =>
        type.Type == typeof(ProductBody) ? "ProductRequest"
        : type.Type == typeof(CategoryBody) ? "CategoryRequest"
        : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}
