using System.Diagnostics;
using Ecommerce.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Http;

/// <summary>The one place where an expected failure becomes an RFC 9457 response.</summary>
public static class ErrorResults
{
    public static ProblemHttpResult ToProblem(this Error error, HttpContext httpContext)
    {
        var status = error.Kind switch
        {
            ErrorKind.Validation => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
            _ => StatusCodes.Status500InternalServerError,
        };

        ProblemDetails problem = error.Fields is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(error.Fields.ToDictionary());
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Detail = error.Description;
        problem.Type = TypeFor(status);
        problem.Extensions["code"] = error.Code;
        problem.Extensions["traceId"] = TraceId(httpContext);
        return TypedResults.Problem(problem);
    }

    /// <summary>Writes a problem from middleware, where there is no endpoint result to return.</summary>
    public static ValueTask WriteProblemAsync(this HttpContext httpContext, int status, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        return httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) },
        });
    }

    public static string TraceId(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "One or more validation errors occurred.",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "Precondition Failed",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        _ => "An error occurred while processing your request.",
    };

    /// <summary>The RFC 9110 section that defines the status, as ASP.NET Core's own problem responses use.</summary>
    public static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status401Unauthorized => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        StatusCodes.Status403Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        StatusCodes.Status404NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        StatusCodes.Status409Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        StatusCodes.Status412PreconditionFailed => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status422UnprocessableEntity => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
