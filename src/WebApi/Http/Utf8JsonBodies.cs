using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// Request bodies are UTF-8 JSON (RFC 8259). A body declared in another charset gets <c>415</c> before
/// binding: the framework would otherwise decode it as declared (storing mojibake when the declaration
/// is wrong) or fail with a 500 on a charset it does not know. UTF-8 declared in another spelling
/// (<c>"utf-8"</c> in quotes, <c>utf8</c>) is rewritten to the one the framework reads.
/// </summary>
public static class Utf8JsonBodies
{
    public static IApplicationBuilder UseUtf8JsonBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null
                || !MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
                || !mediaType.Charset.HasValue)
            {
                return next(context);
            }

            var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return context.WriteProblemAsync(
                    StatusCodes.Status415UnsupportedMediaType,
                    "The request body must be UTF-8 JSON: application/json, with no charset or charset=utf-8.").AsTask();
            }

            mediaType.Charset = "utf-8";
            context.Request.ContentType = mediaType.ToString();
            return next(context);
        });
}
