using System.Text.Json;
using System.Text.Json.Serialization;
using Ecommerce.Application.Products;

namespace Ecommerce.WebApi.Bulk;

/// <summary>An NDJSON line is read with the rules of every JSON body: strict numbers, no duplicate properties.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, AllowDuplicateProperties = false, MaxDepth = 32)]
[JsonSerializable(typeof(ImportRow))]
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
