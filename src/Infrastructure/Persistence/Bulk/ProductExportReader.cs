using System.Runtime.CompilerServices;
using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Products;
using Ecommerce.Infrastructure.Persistence.Products;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Bulk;

/// <summary>
/// Reads the export in keyset batches by id: each batch is its own short statement on a pooled
/// connection, so that memory stays constant, no statement outlives the read statement timeout and
/// no connection is held while a slow client takes what was already read.
/// </summary>
internal sealed class ProductExportReader(NpgsqlDataSource dataSource) : IProductExportReader
{
    public const int BatchSize = 5000;

    private const string Batch = """
        SELECT product.id, product.name, product.slug, product.description, product.price, product.image_url, product.stock, category.slug
        FROM products product JOIN categories category ON category.id = product.category_id
        WHERE product.is_active AND product.id > $1
            AND ($2::integer[] IS NULL OR product.category_id = ANY ($2))
            AND ($3::numeric IS NULL OR product.price >= $3)
            AND ($4::numeric IS NULL OR product.price <= $4)
            AND ($5::boolean IS NULL OR (product.stock > 0) = $5)
        ORDER BY product.id
        LIMIT $6
        """;

    public async IAsyncEnumerable<ImportRow> ReadAsync(ProductFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int[]? categoryIds = null;
        if (filter.CategorySlug is { } slug)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            categoryIds = await CategoryTreeSql.SubtreeAsync(connection, slug, cancellationToken);
            if (categoryIds.Length == 0)
            {
                yield break;
            }
        }

        var after = 0;
        var read = BatchSize;
        while (read == BatchSize)
        {
            read = 0;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Batch, connection);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)categoryIds ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MinPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.MaxPrice ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Numeric });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.InStock ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                after = reader.GetInt32(0);
                read++;
                yield return new ImportRow(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetDecimal(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetInt32(6),
                    reader.GetString(7));
            }
        }
    }
}
