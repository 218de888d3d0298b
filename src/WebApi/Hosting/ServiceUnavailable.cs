using System.Globalization;
using Ecommerce.Infrastructure.Persistence.Connections;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.WebApi.Hosting;

/// <summary>
/// The <c>503</c> answers: the database is unavailable, a statement or the request ran out of
/// time, or a write's outcome is unknown. Each says what happened and whether a change was applied,
/// never how (no exception, SQL or server name), and carries <c>Retry-After</c>.
/// </summary>
internal static class ServiceUnavailable
{
    public const int RetryAfterSeconds = 2;

    private const string RetryLater = "Retry after the number of seconds in the Retry-After header.";

    private const string CheckBeforeRetrying =
        "so it may or may not have been applied. Read the resource (GET) to check before sending the change again.";

    public static ProblemDetails ForDatabase(DatabaseFailure failure, HttpRequest request)
    {
        var notApplied = IsWrite(request) ? " The change was not applied." : string.Empty;
        return failure switch
        {
            DatabaseFailure.WriteOutcomeUnknown => Problem(
                "Write.OutcomeUnknown", "The connection to the catalog database was lost while the change was being saved, " + CheckBeforeRetrying),
            DatabaseFailure.StatementTimeout => Problem(
                "Database.StatementTimeout", $"The query took longer than the service allows and was stopped.{notApplied} {RetryLater}"),
            _ => Problem("Database.Unavailable", $"The catalog database is unavailable at the moment.{notApplied} {RetryLater}"),
        };
    }

    /// <summary>Answers a request that the request timeout cancelled (see <see cref="CatalogLimits.RequestTimeoutSeconds"/>).</summary>
    public static Task WriteRequestTimedOutAsync(HttpContext context)
    {
        var problem = IsWrite(context.Request)
            ? Problem("Write.OutcomeUnknown", "The request took longer than the service allows and was stopped while the change was being processed, " + CheckBeforeRetrying)
            : Problem("Request.Timeout", $"The request took longer than the service allows and was stopped. {RetryLater}");
        SetRetryAfter(context.Response);
        return context.WriteProblemAsync(problem).AsTask();
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    private static bool IsWrite(HttpRequest request) => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    private static ProblemDetails Problem(string code, string detail) =>
        ErrorResults.Create(StatusCodes.Status503ServiceUnavailable, detail, code);
}
