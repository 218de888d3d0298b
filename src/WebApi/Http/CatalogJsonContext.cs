using System.Text.Json;
using System.Text.Json.Serialization;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Common.Paging;
using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// Serialization code generated at build time for every body the API reads or writes, so that no
/// request pays for reflection. The options match the ones the service configures (web defaults,
/// strict numbers, no duplicate properties), which lets System.Text.Json use the generated fast path
/// when writing.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ProductDto))]
[JsonSerializable(typeof(PagedList<ProductDto>))]
[JsonSerializable(typeof(ProductBody))]
[JsonSerializable(typeof(CategoryDto))]
[JsonSerializable(typeof(IReadOnlyList<CategoryDto>))]
[JsonSerializable(typeof(IReadOnlyList<CategoryTreeNode>))]
[JsonSerializable(typeof(CategoryBody))]
[JsonSerializable(typeof(ImportRow))]
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
