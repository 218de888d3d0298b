using Ecommerce.Application.Caching;

namespace Ecommerce.Application.Common.Behaviors;

/// <summary>
/// Moves this instance's change feed on when a command ends, whatever its outcome: the feed sees the
/// write in the database a moment after the commit, and a client that reads back its own write from
/// this instance must not be answered <c>304</c> for the tag it replaced.
/// </summary>
public sealed class AdvanceChangeFeedBehavior<TMessage, TResponse>(ICatalogChangeFeed changes)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IOutcome<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            changes.Advance();
        }
    }
}
