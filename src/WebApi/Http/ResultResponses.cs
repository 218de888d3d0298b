using Ecommerce.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Http;

/// <summary>Turns use-case results into typed HTTP results; failures go through <see cref="ErrorResults"/>.</summary>
public static class ResultResponses
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result, HttpContext context) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem(context);

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result, HttpContext context, Func<T, uint> version)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(context);
        }

        context.Response.SetETag(version(result.Value));
        return TypedResults.Ok(result.Value);
    }

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(
        this Result<T> result, HttpContext context, Func<T, string> location, Func<T, uint> version)
    {
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem(context);
        }

        var value = result.Value;
        context.Response.SetETag(version(value));
        return TypedResults.Created(location(value), value);
    }

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result<Success> result, HttpContext context) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem(context);
}
