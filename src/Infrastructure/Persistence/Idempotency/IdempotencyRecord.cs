namespace Ecommerce.Infrastructure.Persistence.Idempotency;

/// <summary>
/// The first answer to a write sent with an idempotency key, kept so that a retry gets it again.
/// A key belongs to one client (<see cref="Subject"/>): another client's key of the same text is another key.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;
    public const int MaxSubjectLength = 512;

    public required string Subject { get; init; }

    public required string Key { get; init; }

    /// <summary>A hash of the request (operation and body): the same key with another request is refused.</summary>
    public required byte[] Fingerprint { get; init; }

    public required StoredResponse Response { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }
}

/// <summary>What the client was answered, as far as a replay has to repeat it.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);
