using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// States each operation's security: a bearer token where the endpoint requires authorization,
/// and explicitly none (an empty list) where it is anonymous.
/// </summary>
internal sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security = OperationTraits.Of(operation, context).RequiresAuthorization
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CatalogOpenApi.BearerScheme, context.Document)] = [] }]
            : [];
        return Task.CompletedTask;
    }
}
