using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ecommerce.WebApi.Hosting;

internal static class RequestBodyLimit
{
    /// <summary>
    /// The one place where the request body limit is applied, whatever the server: the endpoint's
    /// own (<see cref="IRequestSizeLimitMetadata"/>, as an upload endpoint declares with
    /// <c>WithRequestSizeLimit</c>) or <paramref name="defaultMaxBytes"/>. A declared length over
    /// it is answered 413 at once; an undeclared (chunked) body is capped through the server's
    /// limit, which then fails the read with a 413 that <see cref="ExceptionProblemHandler"/> reports.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long defaultMaxBytes) =>
        app.Use((context, next) =>
        {
            var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
            if (context.Request.ContentLength > maxBytes)
            {
                return context.WriteProblemAsync(
                    StatusCodes.Status413PayloadTooLarge, $"A request body is at most {maxBytes} bytes.").AsTask();
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
}
