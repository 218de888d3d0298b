using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Ecommerce.Infrastructure.Persistence.Idempotency;

/// <summary>A write sent with an idempotency key: whose key, which key, and a hash of what was asked.</summary>
public sealed record IdempotentRequest(string Subject, string Key, byte[] Fingerprint);

/// <summary>What a request found when it claimed its key.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>Another request with this key is being processed right now.</summary>
    public sealed record InFlight : IdempotencyClaim;

    /// <summary>A request with this key was answered before, and the key has not expired.</summary>
    public sealed record Answered(IdempotencyRecord Record) : IdempotencyClaim;

    /// <summary>The key is this request's: run it inside <see cref="Write"/>, then complete or dispose it.</summary>
    public sealed record Acquired(IdempotentWrite Write) : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys in PostgreSQL. A request that claims its key opens a transaction on the request's
/// <see cref="CatalogDbContext"/> and takes a transaction-scoped advisory lock on the key: the command's
/// own save then joins that transaction (EF Core saves inside it, behind a savepoint), and the answer is
/// recorded in the same commit. So the write and its record are applied together or not at all, and a
/// second request with the key cannot run until the first one has committed or rolled back.
/// </summary>
public sealed class IdempotencyStore(CatalogDbContext dbContext, TimeProvider clock)
{
    /// <summary>How long a key and its answer are kept; a key used again later starts afresh.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    public async Task<IdempotencyClaim> ClaimAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Not waiting for the lock: the holder may run for seconds, and the client is told so at once.
            var locked = await dbContext.Database
                .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey(request)}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            if (!locked)
            {
                await transaction.DisposeAsync();
                return new IdempotencyClaim.InFlight();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var previous = await dbContext.Set<IdempotencyRecord>().AsNoTracking()
                .SingleOrDefaultAsync(
                    record => record.Subject == request.Subject && record.Key == request.Key && record.ExpiresAt > now,
                    cancellationToken);
            if (previous is not null)
            {
                await transaction.DisposeAsync();
                return new IdempotencyClaim.Answered(previous);
            }

            return new IdempotencyClaim.Acquired(new IdempotentWrite(dbContext, transaction, request, clock));
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The advisory lock's number for a key of a client. Two different keys that share it only make
    /// each other wait as if they were one (a <c>409</c> to the later one), never share an answer.
    /// </summary>
    internal static long LockKey(IdempotentRequest request)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.Subject + "\n" + request.Key));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
