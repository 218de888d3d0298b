using System.Globalization;
using System.Text.Json.Nodes;
using Ecommerce.Application.Products;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ecommerce.WebApi.OpenApi;

/// <summary>
/// Adds the error responses an operation can give whatever its handler does (limits, outages,
/// authentication, unreadable bodies), and describes every error response the same way: its
/// meaning in words, its problem schema, an example and, where the client should wait, <c>Retry-After</c>.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>The statuses that come with a kind of operation, not from its handler.</summary>
    private static readonly (Func<OperationTraits, bool> AppliesTo, int Status)[] Implied =
    [
        (_ => true, StatusCodes.Status429TooManyRequests),
        (_ => true, StatusCodes.Status503ServiceUnavailable),
        (operation => operation.HasBody || operation.HasQuery, StatusCodes.Status400BadRequest),
        (operation => operation.HasBody, StatusCodes.Status413PayloadTooLarge),
        (operation => operation.HasBody, StatusCodes.Status415UnsupportedMediaType),
        (operation => operation.RequiresAuthorization, StatusCodes.Status401Unauthorized),
        (operation => operation.RequiresAuthorization, StatusCodes.Status403Forbidden),
    ];

    private sealed record Problem(string Title, string Description, string Detail, string? Code = null, bool RetryAfter = false);

    private static readonly Dictionary<int, Problem> Problems = new()
    {
        [400] = new("One or more validation errors occurred.",
            "The request is invalid: `errors` names each offending body field or query parameter with its messages.",
            "One or more validation errors occurred.", "Validation"),
        [401] = new("Unauthorized", "No valid bearer token was sent: this operation needs one.", "A valid bearer token is required."),
        [403] = new("Forbidden", "The bearer token is valid but does not carry the `admin` role.", "The token does not carry the admin role."),
        [404] = new("Not Found", "No active category or product has this id or slug.", "The {resource} was not found.", "{Resource}.NotFound"),
        [409] = new("Conflict",
            "The change conflicts with the catalog as it is, as `detail` and `code` say: the slug is taken, or the category still has active subcategories or products.",
            "The slug 'summer-sale' is already taken.", "{Resource}.SlugTaken"),
        [412] = new("Precondition Failed",
            "`If-Match` names a version that is no longer current, and nothing was changed: read the resource again and retry with its new `ETag`.",
            "The {resource} has changed since it was read; fetch it again and retry.", "{Resource}.PreconditionFailed"),
        [413] = new("Payload Too Large", "The request body is larger than the service accepts (1 MiB unless configured otherwise).", "The request body is too large."),
        [415] = new("Unsupported Media Type", "The request body is not `application/json`.", "The request body must be application/json."),
        [422] = new("Unprocessable Content",
            "The `Idempotency-Key` was used in the last 24 hours for a different request, which was not run: use a new key for a new request.",
            "This Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new request.", "Idempotency.KeyReused"),
        [429] = new("Too Many Requests", "This client has sent too many requests: retry after the number of seconds in `Retry-After`.",
            "Too many requests from this client; retry after the time in the Retry-After header.", RetryAfter: true),
        [503] = new("Service Unavailable",
            "The service cannot answer now: its database is unavailable or the request timed out. Retry after the number of seconds in `Retry-After`.",
            "The service is temporarily unavailable; retry after the time in the Retry-After header.", RetryAfter: true),
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var traits = OperationTraits.Of(operation, context);
        operation.Responses ??= [];
        foreach (var (appliesTo, status) in Implied)
        {
            if (appliesTo(traits))
            {
                operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
            }
        }

        foreach (var key in operation.Responses.Keys.ToList())
        {
            if (int.TryParse(key, CultureInfo.InvariantCulture, out var status) && Problems.TryGetValue(status, out var problem))
            {
                operation.Responses[key] = await DescribeAsync(status, problem, traits, context, cancellationToken);
            }
        }

        var ordered = new OpenApiResponses();
        foreach (var (key, response) in operation.Responses.OrderBy(response => response.Key, StringComparer.Ordinal))
        {
            ordered[key] = response;
        }

        operation.Responses = ordered;
    }

    private static async Task<OpenApiResponse> DescribeAsync(
        int status, Problem problem, OperationTraits traits, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var validation = status == StatusCodes.Status400BadRequest;
        var resource = traits.Resource;
        string Fill(string text) => text
            .Replace("{Resource}", resource, StringComparison.Ordinal)
            .Replace("{resource}", resource.ToLowerInvariant(), StringComparison.Ordinal);
        var example = new JsonObject
        {
            ["type"] = ErrorResults.TypeFor(status),
            ["title"] = problem.Title,
            ["status"] = status,
            ["detail"] = Fill(problem.Detail),
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (problem.Code is { } code)
        {
            example["code"] = Fill(code);
        }

        if (validation)
        {
            example["errors"] = traits.HasBody
                ? new JsonObject { ["name"] = new JsonArray("A name is required.") }
                : new JsonObject { ["pageSize"] = new JsonArray(ListProductsQuery.PageSizeMessage) };
        }

        var response = new OpenApiResponse
        {
            Description = problem.Description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new()
                {
                    Schema = await ProblemSchemaAsync(validation ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), context, cancellationToken),
                    Example = example,
                },
            },
        };
        if (problem.RetryAfter)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "How many seconds to wait before trying again.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    Example = 30,
                },
            };
        }

        return response;
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
