using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// What import and export mean where the statuses' shared descriptions would mislead: their CSV bodies
/// are text, and import's 409, 413, 415 and 422 have causes of their own.
/// </summary>
internal sealed class BulkDocumentation : IOpenApiOperationTransformer
{
    private const string Csv = "text/csv";
    private const string CsvExample = "name,slug,description,price,imageUrl,stock,category\r\n"
        + "\"Phone X, black\",phone-x-black,,999.90,https://cdn.example.com/x.png,5,smartphones\r\n";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == "ImportProducts")
        {
            DescribeCsv(operation.RequestBody?.Content, "CSV, UTF-8: a header row naming the columns (any order), then one product per row; an empty field is an absent value.");
            Describe(operation, "409", "The catalog changed while the file was applied (a category was deactivated, say); nothing was imported: send it again.",
                "The catalog changed during the import; nothing was imported. Send the file again.", "Import.Conflict");
            Describe(operation, "413", "The file is larger than the import limit (100 MiB unless configured otherwise); nothing was imported.",
                "The request body is too large.");
            Describe(operation, "415", "The body is neither `application/x-ndjson` nor `text/csv`, or is not UTF-8.",
                "An import is application/x-ndjson or text/csv (UTF-8).");
            Describe(operation, "422", "At least one row was rejected, so nothing was written: `rejectedRows` counts them and `rows` lists "
                + "the first 1,000 by `line` (where the row starts in the file) with `errors` keyed by field, worded as the single-product API words them.",
                "2 row(s) were rejected; nothing was imported.", "Import.RowsRejected", new JsonObject
                {
                    ["rejectedRows"] = 2,
                    ["rows"] = new JsonArray(
                        new JsonObject { ["line"] = 3, ["errors"] = new JsonObject { ["price"] = new JsonArray("A price is from 0 to 99999999.99 with at most 2 decimals.") } },
                        new JsonObject { ["line"] = 7, ["errors"] = new JsonObject { ["category"] = new JsonArray("category must name an active category.") } }),
                });
        }
        else if (operation.OperationId == "ExportProducts" && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Description = "The products, streamed: NDJSON (one object of the import shape per line) or CSV with a header row, by `Accept`.";
            DescribeCsv(response.Content, "CSV, UTF-8, with a header row: the columns import reads.");
        }

        return Task.CompletedTask;
    }

    private static void DescribeCsv(IDictionary<string, OpenApiMediaType>? content, string description)
    {
        if (content?.TryGetValue(Csv, out var csv) == true)
        {
            csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
            csv.Example = CsvExample;
        }
    }

    private static void Describe(OpenApiOperation operation, string status, string description, string detail, string? code = null, JsonObject? extensions = null)
    {
        if (operation.Responses?.TryGetValue(status, out var found) != true || found is not OpenApiResponse response)
        {
            return;
        }

        response.Description = description;
        if (response.Content?.Values.FirstOrDefault() is { Example: JsonObject example } problem)
        {
            example["detail"] = detail;
            example.Remove("code");
            if (code is not null)
            {
                example["code"] = code;
            }

            foreach (var (name, value) in extensions ?? [])
            {
                example[name] = value?.DeepClone();
            }

            problem.Example = example;
            if (extensions is not null)
            {
                problem.Schema = new OpenApiSchema { AllOf = [problem.Schema!, RejectedRowsSchema] };
            }
        }
    }

    private static readonly OpenApiSchema RejectedRowsSchema = new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["rejectedRows"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "How many rows were rejected." },
            ["rows"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "The first 1,000 rejected rows, by line.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "line", "errors" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The line of the file on which the row starts, from 1." },
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "Messages keyed by field (`row` for a line that could not be read as a row, `header` for a CSV header).",
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
            },
        },
    };
}
