using Ecommerce.Application.Common;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ecommerce.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The open transaction of a request that holds its idempotency key. <see cref="CompleteAsync"/>
/// records the answer and commits it with the command's write; disposing without completing rolls
/// both back and frees the key, so that a retry runs again.
/// </summary>
public sealed class IdempotentWrite(
    CatalogDbContext dbContext, IDbContextTransaction transaction, IdempotentRequest request, TimeProvider clock) : IAsyncDisposable
{
    public async Task CompleteAsync(StoredResponse response)
    {
        var now = clock.UtcNowForStorage();

        // Once the statements are sent, the outcome no longer depends on the client still waiting.
        var cancellationToken = CancellationToken.None;
        await dbContext.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE subject = {request.Subject} AND key = {request.Key} AND expires_at <= {now}",
            cancellationToken);
        var record = dbContext.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Subject = request.Subject,
            Key = request.Key,
            Fingerprint = request.Fingerprint,
            Response = response,
            CreatedAt = now,
            ExpiresAt = now + IdempotencyStore.KeyLifetime,
        });
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (DatabaseFailures.LeavesWriteOutcomeUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
        finally
        {
            record.State = EntityState.Detached;
        }
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
