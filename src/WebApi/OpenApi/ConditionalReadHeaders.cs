using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Describes the conditional reads: <c>If-None-Match</c>, the <c>Cache-Control</c> (and, for lists,
/// the weak <c>ETag</c>) of their <c>200</c>, and the <c>304</c> they answer when the tag is current.
/// </summary>
internal sealed class ConditionalReadHeaders : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ConditionalReadMetadata>().FirstOrDefault() is not { } read
            || operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse ok)
        {
            return Task.CompletedTask;
        }

        var example = read.IsList ? "W/\"1207-9f86d081884c7d65\"" : "\"42\"";
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        if (read.IsList)
        {
            ok.Headers["ETag"] = new OpenApiHeader
            {
                Description = "A weak entity tag that changes whenever a row this answer shows may have changed: send it in `If-None-Match` to read again only if it did.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = example,
            };
        }

        ok.Headers["Cache-Control"] = CacheControl();
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "`If-None-Match` names the current `ETag` (or is `*`): nothing changed since, so there is no body.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["ETag"] = new OpenApiHeader
                {
                    Description = "The current entity tag, the one `If-None-Match` named.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = example,
                },
                ["Cache-Control"] = CacheControl(),
            },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The `ETag` of the answer as it was read (or `*`): if it is still current the answer is `304` without a body. Compared weakly.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = example,
        });
        return Task.CompletedTask;
    }

    private static OpenApiHeader CacheControl() => new()
    {
        Description = $"`{CachePolicy.Revalidate}`: any cache may keep the answer but must revalidate it with `If-None-Match` before using it again.",
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = CachePolicy.Revalidate,
    };
}
