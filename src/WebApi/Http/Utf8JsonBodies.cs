using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// Request bodies are UTF-8 JSON (RFC 8259). A body declared in another charset gets <c>415</c> before
/// binding: the framework would otherwise decode it as declared (storing mojibake when the declaration
/// is wrong) or fail with a 500 on a charset it does not know.
/// </summary>
public static class Utf8JsonBodies
{
    public static IApplicationBuilder UseUtf8JsonBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null && DeclaresOtherCharset(context.Request)
                ? context.WriteProblemAsync(
                    StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                    "The request body must be UTF-8 JSON: application/json, with no charset or charset=utf-8.").AsTask()
                : next(context));

    private static bool DeclaresOtherCharset(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && HeaderUtilities.RemoveQuotes(mediaType.Charset) is { Length: > 0 } charset
        && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
