using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ecommerce.Infrastructure.Persistence.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");

        // The key is unique per client: a second request with it waits for, or finds, the first one's row.
        builder.HasKey(record => new { record.Subject, record.Key }).HasName("pk_idempotency_keys");
        builder.Property(record => record.Subject).HasMaxLength(IdempotencyRecord.MaxSubjectLength);
        builder.Property(record => record.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(record => record.Fingerprint).IsRequired();
        builder.Property(record => record.CreatedAt).HasColumnType("timestamptz");
        builder.Property(record => record.ExpiresAt).HasColumnType("timestamptz");
        builder.ComplexProperty(record => record.Response, response =>
        {
            response.Property(stored => stored.StatusCode).HasColumnName("status_code");
            response.Property(stored => stored.ContentType).HasColumnName("content_type").HasMaxLength(200);
            response.Property(stored => stored.Location).HasColumnName("location").HasMaxLength(2048);
            response.Property(stored => stored.ETag).HasColumnName("etag").HasMaxLength(200);
            response.Property(stored => stored.Body).HasColumnName("body").IsRequired();
        });

        // Serves the sweep of expired keys.
        builder.HasIndex(record => record.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires_at");
    }
}
