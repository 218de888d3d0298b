using Ecommerce.Application.Abstractions;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(CatalogDbContext dbContext) : IUnitOfWork
{
    public async Task<SaveOutcome> SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.StaleRow;
        }
        catch (DbUpdateException exception) when (
            exception.InnerException is PostgresException postgres && CatalogConstraints.RefusalOf(postgres) is { } refusal)
        {
            return refusal;
        }
        catch (Exception exception) when (DatabaseFailures.LeavesWriteOutcomeUnknown(exception))
        {
            // The statements were sent; whether they committed is unknown. Reported, never retried.
            throw new WriteOutcomeUnknownException(exception);
        }
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();
}
