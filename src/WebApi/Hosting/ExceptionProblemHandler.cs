using System.Text.Json;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// Turns exceptions into problem responses: a request the framework could not bind (malformed
/// JSON, a value of the wrong type, a wrong content type) becomes a 4xx naming the field; a database
/// that is unavailable, too slow or lost a write's answer becomes a 503 (see <see cref="ServiceUnavailable"/>);
/// anything else is a 500 whose details only Development shows.
/// </summary>
internal sealed partial class ExceptionProblemHandler(
    IProblemDetailsService problemDetails, IHostEnvironment environment, ILogger<ExceptionProblemHandler> logger)
    : IExceptionHandler
{
    /// <summary>The <c>errors</c> key for a body that is not JSON at all, where no field can be named.</summary>
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var databaseFailure = DatabaseFailures.Classify(exception);
        var problem = exception switch
        {
            BadHttpRequestException badRequest => BadRequestProblem(badRequest),
            _ when databaseFailure != DatabaseFailure.None => ServiceUnavailable.ForDatabase(databaseFailure, httpContext.Request),
            _ => UnexpectedProblem(exception),
        };
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (databaseFailure != DatabaseFailure.None)
        {
            // Expected while the database restarts or fails over: one line each, without the stack.
            LogDatabaseFailure(logger, databaseFailure, httpContext.Request.Method, httpContext.Request.Path, Innermost(exception).Message);
            ServiceUnavailable.SetRetryAfter(httpContext.Response);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = environment.IsDevelopment() && databaseFailure == DatabaseFailure.None ? exception : null,
        });
    }

    private static ProblemDetails BadRequestProblem(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return ErrorResults.Create(exception.StatusCode, exception.StatusCode switch
            {
                StatusCodes.Status415UnsupportedMediaType => "The request body must be application/json.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                _ => "The request could not be read.",
            });
        }

        var field = exception.InnerException is JsonException json ? FieldOf(json.Path) : BodyField;
        var message = exception.InnerException is JsonException
            ? field == BodyField ? "The request body is not valid JSON." : $"The value of '{field}' is not valid for its type."
            : "A JSON request body is required.";
        return ErrorResults.Create(
            StatusCodes.Status400BadRequest, errors: new Dictionary<string, string[]> { [field] = [message] });
    }

    private ProblemDetails UnexpectedProblem(Exception exception) =>
        ErrorResults.Create(StatusCodes.Status500InternalServerError, environment.IsDevelopment() ? exception.ToString() : null);

    /// <summary><c>$.price</c> gives <c>price</c>; a path of just <c>$</c> (or none) names the whole body.</summary>
    private static string FieldOf(string? path)
    {
        var field = path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field) ? BodyField : field;
    }

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is null ? exception : Innermost(exception.InnerException);

    [LoggerMessage(LogLevel.Warning, "Database failure ({Failure}) for {Method} {Path}: {Reason}")]
    private static partial void LogDatabaseFailure(ILogger logger, DatabaseFailure failure, string method, string path, string reason);

    [LoggerMessage(LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
