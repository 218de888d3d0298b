using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Hosting;

internal static class RequestBodyLimit
{
    /// <summary>
    /// Answers 413 at once when the declared length is over the limit, and caps undeclared (chunked)
    /// bodies through the server's own limit, which then fails the read with a 413 that
    /// <see cref="ExceptionProblemHandler"/> reports.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Payload Too Large",
                        Detail = $"A request body is at most {maxBytes} bytes.",
                        Type = ErrorResults.TypeFor(StatusCodes.Status413PayloadTooLarge),
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(context);
        });
}
