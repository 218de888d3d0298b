using System.Diagnostics;
using Ecommerce.Application.Common.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Http;

/// <summary>
/// The one place where RFC 9457 problems are made: <see cref="Create"/> gives every problem its
/// status, title, type and code, and the problem details service (configured in WebApiServices
/// with <see cref="AddTraceId"/>) adds the trace id to every one written, the framework's own included.
/// </summary>
public static class ErrorResults
{
    public static ProblemDetails Create(
        int status, string? detail = null, string? code = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors.ToDictionary());
        problem.Status = status;
        problem.Title = TitleFor(status);
        problem.Type = TypeFor(status);
        problem.Detail = detail;
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    /// <summary>An expected failure of a use case, as the endpoint's result.</summary>
    public static ProblemHttpResult ToProblem(this Error error, HttpContext httpContext) =>
        TypedResults.Problem(Create(StatusFor(error.Kind), error.Description, error.Code, error.Fields));

    /// <summary>Writes a problem from middleware, where there is no endpoint result to return.</summary>
    public static ValueTask WriteProblemAsync(this HttpContext httpContext, int status, string detail, string? code = null) =>
        httpContext.WriteProblemAsync(Create(status, detail, code));

    public static ValueTask WriteProblemAsync(this HttpContext httpContext, ProblemDetails problem, Exception? exception = null)
    {
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>Completes every problem the service writes, whoever made it.</summary>
    public static void AddTraceId(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        if (context.ProblemDetails.Status is { } status)
        {
            context.ProblemDetails.Type ??= TypeFor(status);
        }
    }

    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "One or more validation errors occurred.",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status412PreconditionFailed => "Precondition Failed",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable Content",
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        StatusCodes.Status429TooManyRequests => "Too Many Requests",
        StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
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
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
