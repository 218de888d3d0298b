using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>The document's title, description, licence, server, tags and bearer security scheme.</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public const string Title = "Catalog API";

    private const string Description = """
        The product catalog of the shop: a tree of categories and the products in them.

        **Reads are anonymous.** Writes (`POST`, `PUT`, `DELETE`) need a JWT bearer token whose `role`
        claim holds `admin`: without a valid token they answer `401`, with a token that lacks the role `403`.

        **Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and a
        `traceId` to quote when reporting a problem. A `400` names every offending body field or query
        parameter in `errors`, keyed by its camelCase name.

        **Concurrency.** A single category or product carries a strong `ETag`. Send it back in `If-Match`
        with `PUT` or `DELETE` to change only the version you read: if someone changed it since, the answer
        is `412` and nothing is written. Without `If-Match` the last write wins.

        **Money** (`price`, `minPrice`, `maxPrice`) and `rating` are decimal numbers with at most two
        decimal places: read them into a decimal type, never a binary floating-point one.

        **Limits.** Each client (its user when authenticated, else its address) may send a limited number
        of reads and of writes per minute; past that the answer is `429` with `Retry-After` in seconds. While
        the database is unavailable, or when a request times out, the answer is `503`, also with `Retry-After`.
        """;

    /// <summary>The tags of the operations, in the order the reference page shows them.</summary>
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Categories", "The category tree. A category has a unique slug and at most one parent; deleting one deactivates it."),
        ("Products", "Products, each in one category. The list filters by category subtree, text, price and stock, sorts and pages."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = CatalogOpenApi.DocumentName,
            Description = Description,
            // The service is the company's own and is not licensed to anyone else.
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };

        // Relative: the API is served by the host that serves this document, whatever its name.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document" }];

        document.Tags = new HashSet<OpenApiTag>(
            Tags.Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CatalogOpenApi.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the identity provider whose `role` claim holds `admin`. Needed for writes only.",
        };
        return Task.CompletedTask;
    }
}
