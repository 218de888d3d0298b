using Ecommerce.Application.Common.Results;
using Ecommerce.Infrastructure.Persistence.Idempotency;
using Ecommerce.WebApi.Hosting;
using Ecommerce.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.WebApi.Idempotency;

/// <summary>
/// Makes a POST safe to retry (draft-ietf-httpapi-idempotency-key-header). With an
/// <c>Idempotency-Key</c>, the first request runs inside the transaction that holds the key and its
/// successful answer is committed with its write; a retry with the same key and body gets that answer
/// again and changes nothing; the same key with another body is a <c>422</c>, and a retry while the
/// first request is still running a <c>409</c>. A request that was refused or failed recorded nothing,
/// so its key may be sent again. Keys belong to the token's subject and expire after 24 hours.
/// </summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[IdempotencyKeyHeader.Name];
        if (header.Count == 0)
        {
            return await next(context);
        }

        if (!IdempotencyKeyHeader.TryParse(header, out var key, out var problem))
        {
            return Error.Validation(IdempotencyKeyHeader.Name, problem).ToProblem(http);
        }

        if (ClientIdentity.SubjectOf(http.User) is not { } subject)
        {
            return Error.Validation(IdempotencyKeyHeader.Name, "An Idempotency-Key needs a bearer token that names its subject.").ToProblem(http);
        }

        var request = new IdempotentRequest(Bounded(subject), key, RequestFingerprint.Of(http, context.Arguments));
        var claim = await http.RequestServices.GetRequiredService<IdempotencyStore>().ClaimAsync(request, http.RequestAborted);
        switch (claim)
        {
            case IdempotencyClaim.Answered { Record: var record }:
                return record.Fingerprint.AsSpan().SequenceEqual(request.Fingerprint)
                    ? new RecordedResponse(record.Response)
                    : KeyReused();
            case IdempotencyClaim.Acquired { Write: var write }:
                await using (write)
                {
                    var result = await next(context);
                    var response = await RecordedResponse.CaptureAsync(http, result as IResult
                        ?? throw new InvalidOperationException("An endpoint that accepts an Idempotency-Key must return an IResult."));
                    if (response.IsSuccess)
                    {
                        await write.CompleteAsync(response.Response);
                    }

                    return response;
                }

            default:
                return Error.Conflict(
                    "Idempotency.RequestInFlight",
                    "A request with this Idempotency-Key is still being processed; send it again once that one has been answered.").ToProblem(http);
        }
    }

    private static ProblemHttpResult KeyReused() => TypedResults.Problem(ErrorResults.Create(
        StatusCodes.Status422UnprocessableEntity,
        "This Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new request.",
        "Idempotency.KeyReused"));

    /// <summary>Subjects longer than the column are stored by their hash, which is as unique.</summary>
    private static string Bounded(string subject) =>
        subject.Length <= IdempotencyRecord.MaxSubjectLength
            ? subject
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)));
}
