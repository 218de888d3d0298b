using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Results;
using Ecommerce.Application.Common.Rules;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.Persistence.Connections;
using Npgsql;
using NpgsqlTypes;

namespace Ecommerce.Infrastructure.Persistence.Bulk;

/// <summary>
/// An import inside one transaction: rows go into a temporary staging table through binary COPY as
/// they are parsed, are checked there against the catalog in a few set-based statements, and reach
/// <c>products</c> in a single INSERT ... ON CONFLICT, whose triggers keep the catalog's rules and counters.
/// </summary>
internal sealed class ProductImport(NpgsqlConnection connection, NpgsqlTransaction transaction) : IProductImport
{
    private bool _finished;

    public async Task StageAsync(IAsyncEnumerable<StagedProduct> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(ImportSql.CopyIntoStaging, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Slug, NpgsqlDbType.Text, cancellationToken);
            await WriteOptionalAsync(writer, row.Description, cancellationToken);
            await writer.WriteAsync(row.Price, NpgsqlDbType.Numeric, cancellationToken);
            await WriteOptionalAsync(writer, row.ImageUrl, cancellationToken);
            await writer.WriteAsync(row.Stock, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Category, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public async Task<(int Rejected, IReadOnlyList<ImportRowError> First)> CheckAsync(int maxReported, CancellationToken cancellationToken)
    {
        await using (var find = new NpgsqlCommand(ImportSql.FindRejections, connection, transaction))
        {
            await find.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var count = new NpgsqlCommand(ImportSql.CountRejectedLines, connection, transaction);
        var rejected = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (rejected == 0)
        {
            return (0, []);
        }

        await using var first = new NpgsqlCommand(ImportSql.FirstRejections, connection, transaction);
        first.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxReported });
        var rejections = new List<ImportRowError>();
        await using var reader = await first.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = reader.GetInt32(0);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (field, message) in reader.GetFieldValue<string[]>(1).Zip(reader.GetFieldValue<string[]>(2)))
            {
                errors[field] = errors.TryGetValue(field, out var messages) ? [.. messages, message] : [message];
            }

            rejections.Add(new ImportRowError(line, errors));
        }

        return (rejected, rejections);
    }

    public async Task<Result<ImportSummary>> ApplyAsync(bool dryRun, DateTime now, CancellationToken cancellationToken)
    {
        await using var apply = new NpgsqlCommand(dryRun ? ImportSql.CountChanges : ImportSql.Upsert, connection, transaction);
        if (!dryRun)
        {
            apply.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        try
        {
            int inserted, updated, staged;
            await using (var reader = await apply.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                (inserted, updated, staged) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
            }

            if (!dryRun)
            {
                await CommitAsync(cancellationToken);
            }

            return new ImportSummary(inserted, updated, staged - inserted - updated, dryRun);
        }
        catch (PostgresException exception) when (exception.SqlState.StartsWith("23", StringComparison.Ordinal))
        {
            // Checked a moment before; a concurrent write (a category deactivated, say) got in between.
            return Error.Conflict(
                "Import.Conflict",
                CatalogConstraints.TryGetRule(exception, out var rule)
                    ? $"The catalog changed during the import ({CatalogRuleErrors.For(rule).Description}); nothing was imported. Send the file again."
                    : "The catalog changed during the import; nothing was imported. Send the file again.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished && connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                await transaction.RollbackAsync();
            }
            catch (NpgsqlException)
            {
                // A broken connection has no transaction left to roll back; the server discarded it.
            }
        }

        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken);
            _finished = true;
        }
        catch (Exception exception) when (DatabaseFailures.LeavesWriteOutcomeUnknown(exception))
        {
            throw new WriteOutcomeUnknownException(exception);
        }
    }

    private static Task WriteOptionalAsync(NpgsqlBinaryImporter writer, string? text, CancellationToken cancellationToken) =>
        text is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
}
