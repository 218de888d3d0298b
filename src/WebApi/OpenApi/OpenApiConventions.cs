namespace Ecommerce.WebApi.OpenApi;

/// <summary>Endpoint metadata that only the OpenAPI document reads: it changes nothing the endpoint does.</summary>
internal static class OpenApiConventions
{
    /// <summary>The success response carries the resource's strong <c>ETag</c>.</summary>
    public static RouteHandlerBuilder ReturnsEntityTag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(EntityTagMetadata.Instance);

    /// <summary>The operation's query parameters as the contract names and types them.</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, QueryParameters parameters) =>
        builder.WithMetadata(parameters);

    /// <summary>What a success response holds, in words for the reader of the document.</summary>
    public static RouteHandlerBuilder Answers(this RouteHandlerBuilder builder, int status, string description) =>
        builder.WithMetadata(new ResponseDescription(status, description));
}

internal sealed record EntityTagMetadata
{
    public static readonly EntityTagMetadata Instance = new();
}

internal sealed record ResponseDescription(int Status, string Description);
