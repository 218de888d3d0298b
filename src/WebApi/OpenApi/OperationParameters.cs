using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Describes the path parameters, and puts an operation's declared <see cref="QueryParameters"/> in
/// place of the query parameters its binding would show (the list binds raw strings so that its
/// validator can name a bad value; clients should see the contract's names and types).
/// </summary>
internal sealed class OperationParameters : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Func<OperationTraits, Field>> PathParameters = new(StringComparer.Ordinal)
    {
        ["id"] = operation => new($"The {operation.Resource.ToLowerInvariant()}'s id.") { Example = 1, Minimum = 1 },
        ["slug"] = operation => new($"The {operation.Resource.ToLowerInvariant()}'s slug.")
        { Example = operation.Resource == "Product" ? "phone-x" : "smartphones" },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().LastOrDefault() is { } query)
        {
            var parameters = operation.Parameters?.Where(parameter => parameter.In != ParameterLocation.Query).ToList() ?? [];
            parameters.AddRange(query.All.Select(parameter => parameter.ToOpenApi()));
            operation.Parameters = parameters;
        }

        var traits = OperationTraits.Of(operation, context);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Path && PathParameters.TryGetValue(parameter.Name ?? "", out var describe))
            {
                var field = describe(traits);
                parameter.Description = field.Description;
                parameter.Example = field.Example?.DeepClone();
                if (parameter.Schema is OpenApiSchema schema)
                {
                    field.ApplyTo(schema, describe: false);
                }
            }
        }

        return Task.CompletedTask;
    }
}
