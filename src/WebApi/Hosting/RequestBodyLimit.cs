using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Ecommerce.WebApi.Hosting;

internal static class RequestBodyLimit
{
    /// <summary>
    /// Answers 413 at once when the declared length is over the limit, and caps undeclared (chunked)
    /// bodies through the server's own limit, which then fails the read with a 413 that
    /// <see cref="ExceptionProblemHandler"/> reports.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                return context.WriteProblemAsync(
                    StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"A request body is at most {maxBytes} bytes.").AsTask();
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            return next(context);
        });
}
