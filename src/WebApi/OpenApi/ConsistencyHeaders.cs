using Ecommerce.WebApi.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Read-your-writes in the document: the <c>Catalog-Consistency</c> token on every successful write's
/// response, and the same header, optional, on every read's request.
/// </summary>
internal sealed class ConsistencyHeaders : IOpenApiOperationTransformer
{
    private const string Example = "0/3000148";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? string.Empty;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ReadConsistency.HeaderName,
                In = ParameterLocation.Header,
                Description = "The token of your latest write (from its response's `Catalog-Consistency` header): the read then sees that write, " +
                    "and every write before it, even when it is served by a standby. Several tokens, comma-separated, mean the newest. " +
                    "A value that is not a token makes the read go to the primary. Ignored where the service reads from the primary only.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = Example,
            });
            return Task.CompletedTask;
        }

        foreach (var (_, response) in operation.Responses?.Where(response => response.Key.StartsWith('2')) ?? [])
        {
            if (response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[ReadConsistency.HeaderName] = new OpenApiHeader
                {
                    Description = "An opaque token for this write, present where the service reads from standbys: send it in the " +
                        "`Catalog-Consistency` header of your next reads to see this write in them.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = Example,
                };
            }
        }

        return Task.CompletedTask;
    }
}
