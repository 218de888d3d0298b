using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>A query parameter as the contract names and types it, whatever the endpoint binds it to.</summary>
internal sealed record QueryParameter(string Name, JsonSchemaType Type, Field Field)
{
    public string? Format { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public JsonNode? Default { get; init; }

    public OpenApiParameter ToOpenApi()
    {
        var schema = new OpenApiSchema
        {
            Type = Type,
            Format = Format,
            Default = Default?.DeepClone(),
            Enum = Values?.Select(value => (JsonNode)value).ToList(),
        };
        Field.ApplyTo(schema, describe: false);
        return new OpenApiParameter
        {
            Name = Name,
            In = ParameterLocation.Query,
            Description = Field.Description,
            Schema = schema,
            Example = Field.Example?.DeepClone(),
        };
    }
}

/// <summary>Endpoint metadata: the query parameters an operation takes, in place of whatever its binding shows.</summary>
internal sealed record QueryParameters(IReadOnlyList<QueryParameter> All);
