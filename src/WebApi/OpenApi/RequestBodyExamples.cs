using System.Text.Json.Nodes;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Products;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>An example and a description for each request body, by the type the endpoint reads.</summary>
internal sealed class RequestBodyExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<Type, (string Description, JsonObject Example)> Bodies = new()
    {
        [typeof(CategoryBody)] = ("The category: `name` is required; `slug` and `parentId` are optional.", new JsonObject
        {
            ["name"] = "Smartphones",
            ["slug"] = "smartphones",
            ["parentId"] = 1,
        }),
        [typeof(ProductBody)] = ("The product: `name`, `price`, `stock` and `categoryId` are required; `slug`, `description` and `imageUrl` are optional.", new JsonObject
        {
            ["name"] = "Phone X",
            ["slug"] = "phone-x",
            ["description"] = "A 6.1-inch phone with two cameras.",
            ["price"] = 999.90m,
            ["imageUrl"] = "https://cdn.example.com/phone-x.png",
            ["stock"] = 5,
            ["categoryId"] = 1,
        }),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var bodyType = context.Description.ParameterDescriptions
            .FirstOrDefault(parameter => parameter.Source == BindingSource.Body)?.Type;
        if (operation.RequestBody is OpenApiRequestBody body && bodyType is not null && Bodies.TryGetValue(bodyType, out var described))
        {
            body.Description = described.Description;
            foreach (var media in body.Content?.Values ?? [])
            {
                media.Example = described.Example.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
