using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Describes the success responses (their meaning, <c>ETag</c> and <c>Location</c> headers) and the
/// <c>If-Match</c> request header of every operation that can answer <c>412</c>.
/// </summary>
internal sealed class EntityTagHeaders : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var returnsTag = metadata.OfType<EntityTagMetadata>().Any();
        var resource = OperationTraits.Of(operation, context).Resource.ToLowerInvariant();
        foreach (var description in metadata.OfType<ResponseDescription>())
        {
            if (operation.Responses?.GetValueOrDefault(description.Status.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
            {
                response.Description = description.Description;
            }
        }

        foreach (var (status, response) in operation.Responses?.Where(response => response.Key.StartsWith('2')) ?? [])
        {
            if (response is not OpenApiResponse success)
            {
                continue;
            }

            if (returnsTag && status != "204")
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = new OpenApiHeader
                {
                    Description = $"The {resource}'s current version, a strong entity tag: send it in `If-Match` to change only this version.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = "\"42\"",
                };
            }

            if (status == "201")
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["Location"] = new OpenApiHeader
                {
                    Description = $"The URL of the new {resource}.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = $"/{context.Description.RelativePath?.TrimEnd('/')}/1",
                };
            }
        }

        if (operation.Responses?.ContainsKey("412") == true)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = $"The `ETag` of the {resource} as it was read: the change is made only if that is still its current version, else the answer is `412`. Without it the last write wins.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = "\"42\"",
            });
        }

        return Task.CompletedTask;
    }
}
