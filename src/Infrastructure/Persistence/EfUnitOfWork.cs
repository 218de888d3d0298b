using Ecommerce.Application.Abstractions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(CatalogDbContext dbContext) : IUnitOfWork
{
    public async Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        // EF Core leaves a connection that was opened explicitly open until it is closed explicitly.
        await dbContext.Database.OpenConnectionAsync(cancellationToken);
        return new OpenConnection(dbContext);
    }

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
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveOutcome.UniqueViolation;
        }
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();

    private sealed class OpenConnection(CatalogDbContext dbContext) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dbContext.Database.CloseConnectionAsync();
    }
}
