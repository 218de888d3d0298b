using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Products;
using Ecommerce.Domain.Catalog;
using Ecommerce.Infrastructure.Persistence.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// Product writes in one statement each, in plain Npgsql on the command's connection (and in its
/// transaction, when an idempotent request opened one). PostgreSQL's refusals become
/// <see cref="SaveOutcome"/>s as <see cref="EfUnitOfWork"/>'s do (<see cref="CatalogConstraints.RefusalOf"/>).
/// </summary>
internal sealed class ProductWriter(CatalogDbContext dbContext, ProductWriteSql sql) : IProductWriter
{
    /// <summary>
    /// A refused statement aborts the transaction it runs in; inside one, the write goes behind this
    /// savepoint (sent in the same round trip) and a refusal rolls back to it.
    /// </summary>
    private const string Savepoint = "product_write";

    public async Task<Written<ProductKeys>> InsertAsync(Product product, CancellationToken cancellationToken)
    {
        var insert = new NpgsqlBatchCommand(sql.Insert);
        sql.AddInsertParameters(insert.Parameters, product);
        var (refusal, keys) = await WriteAsync(insert, sql.ReadKeys, cancellationToken);
        return refusal is { } refused ? Written<ProductKeys>.Refused(refused) : Written<ProductKeys>.Saved(keys!);
    }

    public async Task<Written<ProductDto>> UpdateAsync(
        int id, ProductRevision revision, VersionPrecondition? precondition, CancellationToken cancellationToken)
    {
        var versions = precondition is null or { AcceptsAny: true } ? null : precondition.Versions.ToArray();
        var update = new NpgsqlBatchCommand(sql.Update);
        sql.AddUpdateParameters(update.Parameters, id, revision, versions);
        var (refusal, product) = await WriteAsync(update, sql.Rows.Read, cancellationToken);
        if (refusal is { } refused)
        {
            return Written<ProductDto>.Refused(refused);
        }

        if (product is null)
        {
            return Written<ProductDto>.Refused(versions is not null && await IsActiveAsync(id, cancellationToken) ? SaveOutcome.StaleRow : SaveOutcome.RowMissing);
        }

        // The price as the request wrote it: PostgreSQL returns it at the column's scale (12 as 12.00),
        // and every write has always answered with the client's own number.
        return Written<ProductDto>.Saved(product with { Price = revision.Details.Price });
    }

    /// <summary>Runs the statement; its first row, or null when it returned none, or why PostgreSQL refused it.</summary>
    private async Task<(SaveOutcome? Refusal, TRow? Row)> WriteAsync<TRow>(
        NpgsqlBatchCommand statement, Func<NpgsqlDataReader, TRow> read, CancellationToken cancellationToken)
        where TRow : class
    {
        await dbContext.Database.KeepOpenForTheCommandAsync(cancellationToken);
        var connection = (NpgsqlConnection)dbContext.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)dbContext.Database.CurrentTransaction?.GetDbTransaction();
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            if (transaction is not null)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {Savepoint}"));
            }

            batch.BatchCommands.Add(statement);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return (null, await reader.ReadAsync(cancellationToken) ? read(reader) : null);
        }
        catch (PostgresException exception) when (CatalogConstraints.RefusalOf(exception) is { } refusal)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
            }

            return (refusal, null);
        }
        catch (Exception exception) when (DatabaseFailures.LeavesWriteOutcomeUnknown(exception))
        {
            // The statement was sent; whether it committed is unknown. Reported, never retried.
            throw new WriteOutcomeUnknownException(exception);
        }
    }

    private async Task<bool> IsActiveAsync(int id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql.IsActive, (NpgsqlConnection)dbContext.Database.GetDbConnection());
        command.Parameters.Add(sql.Id(id));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
