using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.Idempotency;

/// <summary>
/// Describes the <c>Idempotency-Key</c> header on the operations that honour it, and what their
/// <c>409</c> means with it. Registered after the error responses are described, to amend them.
/// </summary>
internal sealed class IdempotencyKeyDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Description = "Makes the request safe to retry: a retry with the same key and the same body within 24 hours gets the first "
                + "successful answer again (status, body, `Location` and `ETag`) and creates nothing. A quoted string of 1 to "
                + $"{IdempotencyKeyHeader.MaxLength} printable ASCII characters, a UUID for instance; each token subject has keys of its own. "
                + "The same key with another body is a `422`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength + 2 },
            Example = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"",
        });

        if (operation.Responses?.GetValueOrDefault("409") is OpenApiResponse conflict)
        {
            conflict.Description += " Or, with an `Idempotency-Key`, a request with the same key is still being processed "
                + "(`code` `Idempotency.RequestInFlight`): send it again once that one has been answered.";
        }

        return Task.CompletedTask;
    }
}
