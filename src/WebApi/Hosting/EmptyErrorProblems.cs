using Microsoft.AspNetCore.Diagnostics;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Every error answer is a problem (the contract): one that the pipeline left without a body (a
/// <c>404</c> for a route that does not exist, a <c>405</c>, a challenge) gets what the framework's
/// status code pages write for it, by their own default handler: the status's problem, or its
/// status line in plain text for a client that accepts no JSON. The pages' middleware also puts a
/// feature in every request (an object, and the request's cached features read again after it),
/// about 5 µs of a 60 µs read; no endpoint here turns them off, so the feature has nothing to do.
/// </summary>
internal static class EmptyErrorProblems
{
    private static readonly StatusCodePagesOptions Pages = new();

    public static IApplicationBuilder UseEmptyErrorProblems(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var answered = next(context);
            return answered.IsCompletedSuccessfully ? WriteIfEmptyAsync(context, next) : WriteIfEmptyAfterAsync(answered, context, next);
        });

    private static async Task WriteIfEmptyAfterAsync(Task answered, HttpContext context, RequestDelegate next)
    {
        await answered;
        await WriteIfEmptyAsync(context, next);
    }

    private static Task WriteIfEmptyAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        return response.HasStarted || response.StatusCode is < 400 or > 599 || response.ContentLength.HasValue || !string.IsNullOrEmpty(response.ContentType)
            ? Task.CompletedTask
            : Pages.HandleAsync(new StatusCodeContext(context, Pages, next));
    }
}
