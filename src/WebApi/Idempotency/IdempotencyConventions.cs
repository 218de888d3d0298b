namespace Ecommerce.WebApi.Idempotency;

internal static class IdempotencyConventions
{
    /// <summary>
    /// The operation honours an <c>Idempotency-Key</c> header. For endpoints with a JSON body bound to
    /// a parameter (the fingerprint is made from it) that return an <see cref="IResult"/>.
    /// </summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(IdempotencyKeyMetadata.Instance)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

internal sealed record IdempotencyKeyMetadata
{
    public static readonly IdempotencyKeyMetadata Instance = new();
}
