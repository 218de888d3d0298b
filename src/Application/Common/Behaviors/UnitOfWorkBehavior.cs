using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Rules;
using Ecommerce.Application.Common.Slugs;
using Mediator;

namespace Ecommerce.Application.Common.Behaviors;

/// <summary>
/// Saves a successful command's changes once, at the end. A save lost to a concurrent request is
/// retried when the client left the choice to us: a slug generated from the name (the next suffix
/// is picked) or a write without <c>If-Match</c> (last write wins); otherwise it is reported. A save
/// the database refused because a concurrent request made it break a catalog rule is reported as
/// that rule's error, exactly as if the handler had found it.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork)
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
        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var response = await next(message, cancellationToken);
            if (response.Error is not null)
            {
                unitOfWork.DiscardChanges();
                return response;
            }

            var outcome = await unitOfWork.SaveChangesAsync(cancellationToken);
            if (outcome == SaveOutcome.Saved)
            {
                return response;
            }

            unitOfWork.DiscardChanges();
            if (attempt < MaxAttempts && MayRetry(message, outcome))
            {
                continue;
            }

            return TResponse.Failure(outcome switch
            {
                { BrokenRule: { } rule } => CatalogRuleErrors.For(rule),
                { Refusal: SaveRefusal.UniqueViolation } => Error.Conflict("Slug.Taken", "The slug was taken by another request; choose another one."),
                _ => Error.PreconditionFailed("Resource"),
            });
        }
    }

    private static bool MayRetry(TMessage message, SaveOutcome outcome) => outcome.Refusal switch
    {
        SaveRefusal.UniqueViolation => message is IGeneratesSlug { Slug: null },
        SaveRefusal.StaleRow => message is IConditionalWrite { Precondition: null },
        _ => false,
    };
}
