using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>What an operation is, as far as its description depends on it.</summary>
/// <param name="Resource">What the operation is about, for its examples: its tag in the singular.</param>
internal sealed record OperationTraits(bool RequiresAuthorization, bool HasBody, bool HasQuery, string Resource)
{
    private static readonly Dictionary<string, string> ResourceByTag = new(StringComparer.Ordinal)
    {
        ["Categories"] = "Category",
        ["Products"] = "Product",
    };

    public static OperationTraits Of(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var tag = metadata.OfType<ITagsMetadata>().SelectMany(tags => tags.Tags).FirstOrDefault() ?? "Resource";
        return new OperationTraits(
            metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any(),
            operation.RequestBody is not null,
            operation.Parameters?.Any(parameter => parameter.In == ParameterLocation.Query) == true,
            ResourceByTag.GetValueOrDefault(tag, tag));
    }
}
