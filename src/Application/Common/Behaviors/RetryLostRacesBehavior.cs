namespace Ecommerce.Application.Common.Behaviors;

/// <summary>
/// Runs a command again, from a clean state, when its save lost a race that the client left to us
/// to settle: a slug generated from the name that another request took meanwhile (the next suffix
/// is picked), or a row changed meanwhile by a write without <c>If-Match</c> (the last write wins).
/// Any other failure discards the command's unsaved changes and is returned as it is.
/// </summary>
public sealed class RetryLostRacesBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IOutcome<TResponse>
{
    /// <summary>
    /// Enough for every request of a burst of creates with the same name: each retry sees the slugs
    /// the others committed, so a request loses at most once to each of them.
    /// </summary>
    internal const int MaxAttempts = 32;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await next(message, cancellationToken);
            if (response.Error is not { } error)
            {
                return response;
            }

            unitOfWork.DiscardChanges();
            if (attempt >= MaxAttempts || !LostARaceWeMaySettle(message, error))
            {
                return response;
            }
        }
    }

    // A handler never answers 412 to a write without If-Match, nor "taken" to a slug it generated
    // itself: such answers can only come from a save that lost a race.
    private static bool LostARaceWeMaySettle(TMessage message, Error error) =>
        (SlugErrors.IsTaken(error) && message is IGeneratesSlug { Slug: null })
        || (error.Kind == ErrorKind.PreconditionFailed && message is IConditionalWrite { Precondition: null });
}
