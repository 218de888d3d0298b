using Ecommerce.Application.Products;
using Npgsql;

namespace Ecommerce.Infrastructure.Persistence.Products;

/// <summary>
/// One active product by id or by slug, as hand-written SQL over the columns that EF Core's model
/// maps (<c>SingleRowReadTests</c> checks that both read the same values).
/// </summary>
internal static class ProductRowSql
{
    private const string Columns =
        "id, name, slug, description, price, image_url, stock, category_id, rating, is_active, created_at, updated_at, xmin";

    public const string ActiveById = $"SELECT {Columns} FROM products WHERE is_active AND id = $1 LIMIT 1";

    public const string ActiveBySlug = $"SELECT {Columns} FROM products WHERE is_active AND slug = $1 LIMIT 1";

    public static ProductDto Map(NpgsqlDataReader row) => new(
        row.GetInt32(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3), row.GetDecimal(4),
        row.IsDBNull(5) ? null : row.GetString(5), row.GetInt32(6), row.GetInt32(7), row.GetDecimal(8), row.GetBoolean(9),
        row.GetDateTime(10), row.GetDateTime(11))
    {
        Version = row.GetFieldValue<uint>(12),
    };
}
