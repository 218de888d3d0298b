using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Every error answer is a problem (the contract): one that the pipeline left without a body (a
/// <c>404</c> for a route that does not exist, a <c>405</c>, a challenge) gets the problem of its
/// status, as the framework's status code pages write it. Those pages also put a feature in every
/// request (an object, and the request's cached features read again after it), about 5 µs of a
/// 60 µs read; no endpoint here turns them off, so the feature has nothing to do.
/// </summary>
internal static class EmptyErrorProblems
{
    public static IApplicationBuilder UseEmptyErrorProblems(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var answered = next(context);
            return answered.IsCompletedSuccessfully ? WriteIfEmptyAsync(context) : WriteIfEmptyAfterAsync(answered, context);
        });

    private static async Task WriteIfEmptyAfterAsync(Task answered, HttpContext context)
    {
        await answered;
        await WriteIfEmptyAsync(context);
    }

    private static Task WriteIfEmptyAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted || response.StatusCode is < 400 or > 599 || response.ContentLength.HasValue || !string.IsNullOrEmpty(response.ContentType))
        {
            return Task.CompletedTask;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = new ProblemDetails { Status = response.StatusCode } })
            .AsTask();
    }
}
